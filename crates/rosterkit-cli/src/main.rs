//! `rosterkit`: the demo of five user-and-group admin APIs against the
//! embedded emulator, the emulator itself, and admin commands for a real
//! tenant. See `rosterkit --help`.

mod cli;
mod commands;
mod connection;
mod demo;
mod emulator;
mod failure;
mod output;
mod profiles;
mod progress;

use clap::Parser;
use cli::{Cli, Command, Global, OutputFormat};
use connection::Connection;
use failure::{Failure, EXIT_OK};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.global.verbose {
        init_logging();
    }
    let format = output::choose(cli.global.output);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(failure::EXIT_FAILED);
        }
    };
    match runtime.block_on(dispatch(cli.command, &cli.global, format)) {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(failure) => {
            // Errors go to stderr only, so stdout stays valid JSON or empty.
            if matches!(format, OutputFormat::Json | OutputFormat::Ndjson)
                && !matches!(failure, Failure::Incomplete(_))
            {
                eprintln!("{}", failure.to_json());
            }
            eprintln!("error: {failure}");
            if let Failure::Client(rosterkit::Error::InvalidInput { field, .. }) = &failure {
                if field == "tenant_id" {
                    eprintln!("hint: pass --tenant-id (SSW organization id, Spotnana company id) or set tenant_id in the profile");
                }
            }
            ExitCode::from(failure.exit_code())
        }
    }
}

async fn dispatch(command: Command, global: &Global, format: OutputFormat) -> Result<(), Failure> {
    match command {
        Command::Demo { json } => {
            demo::run(json || global.output == Some(OutputFormat::Json)).await
        }
        Command::Emulator { port, host } => emulator::run(&host, port).await,
        Command::Completion { shell } => {
            use clap::CommandFactory;
            let mut command = cli::Cli::command();
            clap_complete::generate(shell, &mut command, "rosterkit", &mut std::io::stdout());
            Ok(())
        }
        Command::Capabilities => {
            commands::capabilities(global.provider, format);
            Ok(())
        }
        Command::Call { list: true, .. } => {
            commands::list_endpoints(format);
            Ok(())
        }
        Command::Call {
            endpoint,
            input,
            all_pages,
            ..
        } => {
            let op = commands::call_operation(endpoint.as_deref().unwrap_or_default(), &input)?;
            let connection = Connection::resolve(global, Some(op.provider()))?;
            let admin =
                commands::Admin::connect(&connection, format, &global.columns, global.limit)?;
            commands::call(&admin, op, all_pages).await
        }
        Command::Groups(c) => commands::groups(&connect(global, format)?, c).await,
        Command::Users(c) => commands::users(&connect(global, format)?, c).await,
        Command::Members(c) => commands::members(&connect(global, format)?, c).await,
    }
}

fn connect(global: &Global, format: OutputFormat) -> Result<commands::Admin, Failure> {
    commands::Admin::connect(
        &Connection::resolve(global, None)?,
        format,
        &global.columns,
        global.limit,
    )
}

/// `--verbose`: the client's request logs (method, URL, status, timing; the
/// client never logs credentials) on stderr. `ROSTERKIT_LOG` can refine the
/// filter; the HTTP stack below the client stays at `info` whatever it says,
/// since its trace output is not reviewed for header values.
fn init_logging() {
    use std::io::IsTerminal;
    use tracing_subscriber::EnvFilter;
    let base = std::env::var("ROSTERKIT_LOG").unwrap_or_else(|_| {
        "rosterkit=debug,rosterkit_cli=debug,rosterkit_core=debug,warn".to_owned()
    });
    let filter = EnvFilter::try_new(format!(
        "{base},hyper=info,hyper_util=info,reqwest=info,h2=info,rustls=info"
    ))
    .unwrap_or_else(|_| EnvFilter::new("rosterkit=debug,warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .try_init();
}
