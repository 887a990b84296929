export { ELB_SERVICE } from './classic/index.js'
export { ELBV2_SERVICE } from './v2/index.js'
