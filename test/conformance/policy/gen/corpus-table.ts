/** Prints the policy corpus size by topic as a Markdown table (pasted into docs/conformance.md by hand). */
import { corpusTable, loadPolicyCorpus } from '../../policy-corpus.js'

console.log(corpusTable(loadPolicyCorpus()))
