/**
 * rosterkit: user and group administration for Splashtop Secure Workspace,
 * Spotnana, B2Core, Imply Polaris and Alteryx Server, driven by the Rust
 * core compiled to WebAssembly. Import it as `rosterkit` (Node and browsers
 * pick their entry through the package's export conditions).
 */
export { RosterKit } from './client.js';
export type {
  ApplyOptions,
  CallOptions,
  DeleteGroupOptions,
  ProviderOptions,
  RosterKitOptions,
} from './client.js';
export type { ApplyReport, StepOutcome } from './apply.js';
export type { FetchLike } from './transport.js';
export {
  RosterKitError,
  isApiError,
  isAuthError,
  isConflict,
  isDecodeError,
  isInvalidInput,
  isNotFound,
  isRateLimited,
  isRosterKitError,
  isTransportError,
  isUnsupported,
} from './errors.js';
export type { ErrorContext, ErrorInfo, ErrorKind } from './errors.js';
export type {
  Action,
  Capabilities,
  EndpointCall,
  Group,
  GroupChanges,
  Member,
  MembershipPlan,
  NewGroup,
  PageStyle,
  Permission,
  PlannedStep,
  Provider,
  RetryOptions,
  StepKind,
  Support,
  User,
} from '../wasm/rosterkit_wasm.js';
export * as sansio from './sansio.js';
