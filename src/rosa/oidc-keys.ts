export { generateOidcKeyPair, keyIdOf, type OidcKeyPair } from '../kernel/oidc-keys.js'
