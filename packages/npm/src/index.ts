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
  Logger,
  PlanOptions,
  ProviderOptions,
  RosterKitOptions,
} from './client.js';
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
  isRefused,
  isRosterKitError,
  isTransportError,
  isUnsupported,
} from './errors.js';
export type { ErrorContext, ErrorDetail, ErrorKind } from './errors.js';
export type {
  Action,
  ApplyReport,
  Capabilities,
  Change,
  DesiredEntry,
  EndpointCall,
  Group,
  GroupChanges,
  Member,
  MembershipPlan,
  NewGroup,
  OutcomeStatus,
  PageStyle,
  Permission,
  PlannedStep,
  Provider,
  Resolution,
  RetryPolicy,
  StepKind,
  StepOutcome,
  StepStatus,
  Support,
  SyncMode,
  SyncOptions,
  User,
  UserOutcome,
} from '../wasm/rosterkit_wasm.js';
export * as sansio from './sansio.js';
