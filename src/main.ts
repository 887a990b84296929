#!/usr/bin/env node
// Process entry for `npm start`: the same as `lanyard server`, with the same flags.
import { buildProgram } from './cli/index.js'

await buildProgram().parseAsync([process.argv[0]!, 'lanyard', 'server', ...process.argv.slice(2)])
