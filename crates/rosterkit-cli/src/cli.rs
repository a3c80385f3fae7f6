//! The command line, as clap derives it.

use clap::{Args, Parser, Subcommand, ValueEnum};
use rosterkit::{Provider, Secret, SyncMode};

/// Manage users, groups and members on five SaaS admin APIs (Splashtop
/// Secure Workspace, Spotnana, B2Core, Imply Polaris, Alteryx Server).
#[derive(Debug, Parser)]
#[command(name = "rosterkit", version)]
#[command(after_help = "\
Credentials: set ROSTERKIT_TOKEN, or use --profile NAME (profiles live in
$ROSTERKIT_PROFILES or ~/.config/rosterkit/profiles.toml). --token-insecure
exists for throwaway tokens only: a value on the command line is visible to
other local users (ps, /proc) and stays in shell history.

Output: a table on a terminal, JSON otherwise; --output ndjson prints one
object per line as pages arrive. Errors go to stderr only (as JSON with
--output json), so stdout stays valid JSON or empty.")]
#[command(after_long_help = crate::failure::EXIT_CODES_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every admin command shares.
#[derive(Debug, Args)]
pub struct Global {
    /// Vendor API: ssw, spotnana, b2core, polaris or alteryx.
    #[arg(long, global = true, value_parser = parse_provider)]
    pub provider: Option<Provider>,
    /// The tenant's API base URL (Alteryx: including /webapi).
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// SSW organization id or Spotnana company id.
    #[arg(long, global = true, value_name = "ID")]
    pub tenant_id: Option<String>,
    /// A profile from the profiles file (provider, base_url, tenant_id, token_env).
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// Take the token from the command line. Unsafe: other local users can
    /// read process arguments, and shells keep history. Prefer ROSTERKIT_TOKEN.
    #[arg(long, global = true, value_name = "TOKEN", value_parser = parse_secret)]
    pub token_insecure: Option<Secret>,
    /// Output format; default: table on a terminal, json otherwise.
    #[arg(long, global = true, value_enum)]
    pub output: Option<OutputFormat>,
    /// Columns to show, comma-separated (tables and CSV), e.g. id,name.
    #[arg(long, global = true, value_delimiter = ',', value_name = "COLS")]
    pub columns: Vec<String>,
    /// Stop a listing after N items (fewer pages are fetched).
    #[arg(long, global = true, value_name = "N")]
    pub limit: Option<usize>,
    /// Log requests (method, URL, status, timing) to stderr. Credentials are never logged.
    #[arg(long, short, global = true)]
    pub verbose: bool,
}

/// How results are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A human-readable table.
    Table,
    /// Pretty-printed JSON.
    Json,
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per line, printed as pages arrive.
    Ndjson,
}

/// What a sync does with members not in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    /// Only add the missing users; never remove anyone (the default).
    Additive,
    /// Make the group exactly the file: also remove members not listed.
    Authoritative,
}

impl From<Mode> for SyncMode {
    fn from(m: Mode) -> SyncMode {
        match m {
            Mode::Additive => SyncMode::Additive,
            Mode::Authoritative => SyncMode::Authoritative,
        }
    }
}

/// `rosterkit members sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Group id.
    pub group: String,
    /// Who should be in the group: one user id or email per line (`#`
    /// comments and blank lines ignored), or a JSON array; `-` reads stdin.
    #[arg(long)]
    pub file: String,
    /// additive (only add) or authoritative (also remove members not listed).
    #[arg(long, value_enum, default_value_t = Mode::Additive)]
    pub mode: Mode,
    /// Show the plan without changing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// Apply without asking (required when not on a terminal).
    #[arg(long, short)]
    pub yes: bool,
    /// Accept an empty file (authoritatively, that empties the group).
    #[arg(long)]
    pub allow_empty: bool,
    /// Accept removing more than --max-removal-percent of the members, or
    /// removing members when no listed entry is a current member.
    #[arg(long)]
    pub allow_mass_removal: bool,
    /// Removals above this share of the members are a mass removal.
    #[arg(long, default_value_t = 50, value_name = "PERCENT")]
    pub max_removal_percent: u32,
    /// Sync the entries that match a user and report the others, instead of
    /// refusing the whole plan.
    #[arg(long)]
    pub skip_unresolved: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run every vendor's documented workflow against the embedded emulator.
    Demo {
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Serve the emulator of all five APIs until Ctrl-C or SIGTERM.
    Emulator {
        /// Port to listen on; 0 picks a free one.
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// Address to bind.
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
    },
    /// Groups: list, get, create, update, delete.
    #[command(subcommand)]
    Groups(GroupsCommand),
    /// Users: list.
    #[command(subcommand)]
    Users(UsersCommand),
    /// Group members: list, add, remove, approve, reject, sync.
    #[command(subcommand)]
    Members(MembersCommand),
    /// What each provider's API can do (all providers unless --provider).
    Capabilities,
    /// Print a shell completion script: bash, zsh, fish, elvish or powershell.
    Completion {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Call one endpoint by its inventory id, e.g. polaris.get_user.
    Call {
        /// Endpoint id (`rosterkit call --list` shows them all).
        #[arg(required_unless_present = "list")]
        endpoint: Option<String>,
        /// The endpoint's input as a JSON object.
        #[arg(long, default_value = "{}")]
        input: String,
        /// Follow every page of a list endpoint and print all items.
        #[arg(long)]
        all_pages: bool,
        /// List the endpoint ids.
        #[arg(long)]
        list: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum GroupsCommand {
    /// Every group.
    List,
    /// One group.
    Get {
        /// Group id.
        id: String,
    },
    /// Create a group.
    Create {
        /// Name.
        #[arg(long)]
        name: String,
        /// Permission (repeatable). Polaris: NAME or NAME=projects/a,projects/b.
        #[arg(long = "permission", value_name = "P")]
        permissions: Vec<String>,
        /// Alteryx role (NoAccess, Viewer, Member, Artisan, Curator, Evaluated).
        #[arg(long)]
        role: Option<String>,
    },
    /// Change a group; what is not given keeps its value.
    Update {
        /// Group id.
        id: String,
        /// New name.
        #[arg(long)]
        name: Option<String>,
        /// The complete new permission set (repeatable).
        #[arg(long = "permission", value_name = "P")]
        permissions: Vec<String>,
        /// New Alteryx role.
        #[arg(long)]
        role: Option<String>,
    },
    /// Delete a group.
    Delete {
        /// Group id.
        id: String,
        /// Delete even when members remain (Alteryx forceDelete).
        #[arg(long)]
        force: bool,
        /// Delete without asking (required when not on a terminal).
        #[arg(long, short)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// Every user.
    List,
}

#[derive(Debug, Subcommand)]
pub enum MembersCommand {
    /// Every member of a group.
    List {
        /// Group id.
        group: String,
    },
    /// Add users to a group.
    Add {
        /// Group id.
        group: String,
        /// User ids.
        #[arg(required = true)]
        users: Vec<String>,
    },
    /// Remove users from a group.
    Remove {
        /// Group id.
        group: String,
        /// User ids.
        #[arg(required = true)]
        users: Vec<String>,
    },
    /// Approve a pending join request (SSW approval flow).
    Approve {
        /// Group id.
        group: String,
        /// User id.
        user: String,
    },
    /// Reject a pending join request (SSW approval flow).
    Reject {
        /// Group id.
        group: String,
        /// User id.
        user: String,
    },
    /// Make the group match a file of user ids or emails (additive by default).
    Sync(SyncArgs),
}

/// clap value parser: the core's own parse, so the message names every provider.
fn parse_provider(s: &str) -> Result<Provider, String> {
    s.parse::<Provider>().map_err(|_| unknown_provider(s))
}

/// Wraps the value at once so no `Debug` of the parsed flags can show it.
fn parse_secret(s: &str) -> Result<Secret, String> {
    Ok(Secret::new(s))
}

/// The message for a provider name that is not one of the five.
pub fn unknown_provider(s: &str) -> String {
    let ids: Vec<&str> = Provider::ALL.iter().map(|p| p.id()).collect();
    format!("unknown provider {s:?}; expected one of {}", ids.join(", "))
}
