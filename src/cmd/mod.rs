//! Subcommand dispatch: one module per subcommand, and the modules of what they share
//! (records, the batch tally, options, one-object operations, presigning, emptying).

pub mod acl;
pub mod bucket;
pub mod cat;
pub mod check;
pub mod completions;
pub mod config;
pub mod cp;
pub mod ctx;
pub mod downloads;
pub mod du;
pub mod empty;
pub mod get;
pub mod hash;
pub mod listing;
pub mod lock;
pub mod ls;
pub mod mb;
pub mod missing;
pub mod multipart;
pub mod mv;
pub mod object;
pub mod options;
pub mod pairs;
pub mod presign;
pub mod put;
pub mod rb;
pub mod record;
pub mod restore;
pub mod rm;
pub mod run;
pub mod set_meta;
pub mod signurl;
pub mod stat;
pub mod sync;
pub mod tag;
pub mod tree;
pub mod uploads;
pub mod versions;

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::cli::{Cli, Command};
use crate::client::Client;
use crate::exit::ExitStatus;
use crate::output::Printer;
use crate::settings::{self, Env, ProfileUse};
use crate::throttle::{Adapt, Window};
use crate::transfer::crypt::KeySource;

/// Runs the parsed command line.
pub fn run(
    cli: &Cli,
    printer: &Printer,
    env: &dyn Env,
    cancel: Arc<AtomicBool>,
) -> anyhow::Result<ExitStatus> {
    // Needs no profile: a broken config file must not stop a shell from starting.
    if let Command::Completions(args) = &cli.command {
        return completions::run(args, printer);
    }
    // Needs no profile either: each line loads its own.
    if let Command::Run(args) = &cli.command {
        return run::run(args, &cli.global, printer, cancel);
    }
    // Local files only: no profile, no keys (md5sum asks for none).
    if let Command::Hash(args) = &cli.command
        && hash::all_local(args)
    {
        return hash::run(args, None, printer);
    }
    let profile_use = match &cli.command {
        Command::Config(_) => ProfileUse::Creating,
        _ => ProfileUse::Existing,
    };
    let ctx = settings::load_context(&cli.global, env, profile_use)?;
    if let Some(warning) = crate::config::permission_warning(&ctx.config_path) {
        printer.warn(&warning);
    }
    if let Command::Config(args) = &cli.command {
        return config::run(args, &cli.global, env, &ctx, printer);
    }
    let connection = settings::resolve_connection(&cli.global, env, &ctx)?;
    if connection.insecure {
        printer.warn(
            "--insecure: TLS certificates are not verified; anyone on the network path can read and change this traffic",
        );
    }
    // The old fixed -j, kept to compare against (tests/cases/proxy_throttle.rs).
    let adapt = match env.var("OBJCMD_TEST_FIXED_JOBS").as_deref() {
        Some("1") => Adapt::No,
        _ => Adapt::Yes,
    };
    let window = Arc::new(Window::new(adapt));
    let mut config = connection.client_config(cancel);
    config.pace = Some(ctx::pace_watch(window.clone()));
    let client = Client::new(config)?;
    let keys = KeySource::new(connection.encryption_key_file.clone());
    let transfers = ctx::Ctx {
        client: &client,
        printer,
        tuning: connection.tuning,
        window: &window,
        keys: &keys,
        encrypt: false,
        raw: false,
    };
    match &cli.command {
        Command::Config(_) | Command::Completions(_) | Command::Run(_) => {
            unreachable!("handled above")
        }
        Command::Ls(args) => ls::run(args, &client, printer),
        Command::Mb(args) => mb::run(args, &client, &connection, printer),
        Command::Rb(args) => rb::run(args, transfers),
        Command::Stat(args) => stat::run(args, &client, printer),
        Command::Put(args) => put::run(args, transfers),
        Command::Get(args) => get::run(args, transfers),
        Command::Rm(args) => rm::run(args, transfers),
        Command::Cp(args) => cp::run(args, transfers),
        Command::Sync(args) => sync::run(args, transfers),
        Command::Acl(args) => acl::run(args, &client, printer),
        Command::Signurl(args) => signurl::run(args, &client, printer),
        Command::Multipart(args) => multipart::run(args, transfers),
        Command::Mv(args) => mv::run(args, transfers),
        Command::Cat(args) => cat::run(args, transfers),
        Command::Du(args) => du::run(args, &client, printer),
        Command::Hash(args) => hash::run(args, Some(&client), printer),
        Command::SetMeta(args) => set_meta::run(args, transfers),
        Command::Check(args) => check::run(args, transfers),
        Command::Bucket(args) => bucket::run(args, &client, printer),
        Command::Tag(args) => tag::run(args, transfers),
        Command::Retention(args) => lock::run_retention(args, &client, printer),
        Command::LegalHold(args) => lock::run_legal_hold(args, &client, printer),
        Command::Restore(args) => restore::run(args, transfers),
    }
}
