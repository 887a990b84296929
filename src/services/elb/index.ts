export { ELBV2_SERVICE } from './v2/index.js'
