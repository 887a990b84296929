export { SIGN_IN_HEADER } from './console-api-request.js'
export { consoleLoginEvent } from './console-login-event.js'
export { CONSOLE_PATH, type ConsoleRouteOptions, consoleRoute } from './console-route.js'
export type {
  SignInForm,
  SignInFunction,
  SignInOutcome,
} from './sign-in-route.js'
export type { SignOutFunction } from './sign-out-route.js'
export { resolveStaticPath } from './static-files.js'
