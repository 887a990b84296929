#!/usr/bin/env node
// Process entry for `npm start`. Until the server exists it prints the CLI help.
import { buildProgram } from './cli/index.js'

buildProgram().outputHelp()
