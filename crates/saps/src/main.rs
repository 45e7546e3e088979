//! `saps`: serve the program, run the demo, migrate, manage users, benchmark.

mod audit;
#[cfg(feature = "bench")]
mod bench;
#[cfg(feature = "bench")]
mod bench_audit;
mod bench_directory;
#[cfg(feature = "bench")]
mod bench_expiry;
#[cfg(feature = "bench")]
mod bench_export;
#[cfg(feature = "bench")]
mod bench_import;
#[cfg(feature = "bench")]
mod bench_redeem;
#[cfg(feature = "bench")]
mod bench_webhooks;
mod config;
mod import;
mod import_csv;
mod store;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use config::defaults;
use saps_app::clock::Clock;
use saps_app::{App, NewUser, Settings};
use saps_core::Role;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "saps", version, about = "Run a vendor-funded planning-services voucher program.", long_about = None)]
struct Cli {
    /// A TOML configuration file (default: ./saps.toml when present). Flags and
    /// SAPS_* variables override it.
    #[arg(long, global = true, env = "SAPS_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web UI and the JSON API.
    Serve(ServeArgs),
    /// Start a fresh demo: the shipped program, sample partners, customers and vouchers, on a
    /// simulated clock at 2020-11-02.
    Demo(DemoArgs),
    /// Create or upgrade the database schema, then exit.
    Migrate {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Measure reserve / cancel-reservation round trips over HTTP against the raw engine.
    #[cfg(feature = "bench")]
    Bench(bench::BenchArgs),
    /// Import partners (with locations), trainings, competencies or consultants' exams from a
    /// CSV file: every row or, if any row is bad, none (see docs/IMPORT.md).
    Import(import::ImportArgs),
    /// Verify the tamper-evident journal (its hash chain and every pool of days re-derived
    /// from it), or print its head to record.
    Audit {
        #[command(subcommand)]
        command: audit::AuditCommand,
    },
}

// Defaults of the options that saps.toml may also set are applied after the
// file (see config.rs), so clap only shows them in the help.

#[derive(Args)]
struct DbArgs {
    #[arg(
        long,
        env = "SAPS_DATABASE",
        help = with_default("An SQLite file path, or a postgres:// URL", defaults::DATABASE)
    )]
    database: Option<String>,
}

impl DbArgs {
    fn resolve(&self, file: &config::Layer) -> String {
        let flags = config::Layer {
            database: self.database.clone(),
            ..config::Layer::default()
        };
        flags.over(file).database()
    }
}

#[derive(Args)]
struct ServeArgs {
    #[command(flatten)]
    db: DbArgs,
    #[arg(long, env = "SAPS_LISTEN", help = with_default("Address to listen on", defaults::LISTEN))]
    listen: Option<SocketAddr>,
    #[arg(
        long,
        env = "SAPS_CLOCK",
        help = with_default(
            "`system`, or `simulated:YYYY-MM-DD` to run on a clock an operator can move",
            defaults::CLOCK
        )
    )]
    clock: Option<String>,
    #[arg(
        long,
        env = "SAPS_MAIL_DIR",
        help = with_default(
            "Where outgoing mail is written as .eml files",
            &Settings::default().mail_dir.to_string_lossy()
        )
    )]
    mail_dir: Option<PathBuf>,
    /// The URL people reach this saps at (used in e-mails) [default: http:// and the listening address].
    #[arg(long, env = "SAPS_PUBLIC_URL")]
    public_url: Option<String>,
    /// Behind one reverse proxy that appends the client to X-Forwarded-For: throttle sign-ins by
    /// that address, not the proxy's [default: false].
    #[arg(long, env = "SAPS_TRUSTED_PROXY")]
    trusted_proxy: Option<bool>,
    /// Send mail over SMTP: smtp://host:port (add ?tls=starttls for STARTTLS) or smtps://host:port;
    /// user and password may be in the URL [default: .eml files in --mail-dir].
    #[arg(long, env = "SAPS_SMTP_URL")]
    smtp_url: Option<String>,
    /// The SMTP password, when not in --smtp-url (a secret: never shown).
    #[arg(long, env = "SAPS_SMTP_PASSWORD", hide_env_values = true)]
    smtp_password: Option<String>,
    /// Let webhooks reach loopback, private and link-local addresses (for tests and demos, never in
    /// production) [default: false].
    #[arg(long, env = "SAPS_WEBHOOKS_ALLOW_PRIVATE", num_args = 0..=1, default_missing_value = "true")]
    webhooks_allow_private: Option<bool>,
    /// Serve /metrics, without a token, on this separate address (keep it on a private network).
    #[arg(long, env = "SAPS_METRICS_LISTEN")]
    metrics_listen: Option<SocketAddr>,
    /// Serve /metrics on the main address to callers presenting this bearer token.
    #[arg(long, env = "SAPS_METRICS_TOKEN", hide_env_values = true)]
    metrics_token: Option<String>,
}

impl ServeArgs {
    fn layer(self) -> config::Layer {
        config::Layer {
            database: self.db.database,
            listen: self.listen,
            clock: self.clock,
            mail_dir: self.mail_dir,
            public_url: self.public_url,
            trusted_proxy: self.trusted_proxy,
            smtp_url: self.smtp_url,
            smtp_password: self.smtp_password,
            webhooks_allow_private: self.webhooks_allow_private,
            metrics_listen: self.metrics_listen,
            metrics_token: self.metrics_token,
        }
    }
}

/// An option's help line naming its default, which is applied elsewhere.
fn with_default(help: &str, default: &str) -> String {
    format!("{help} [default: {default}]")
}

#[derive(Args)]
struct DemoArgs {
    /// Address to listen on.
    #[arg(long, env = "SAPS_LISTEN", default_value = defaults::LISTEN)]
    listen: SocketAddr,
    /// The demo's SQLite file; it is replaced on every start.
    #[arg(long, default_value = defaults::DEMO_DATABASE)]
    database: PathBuf,
    /// Where outgoing mail is written as .eml files.
    #[arg(long, default_value = defaults::DEMO_MAIL_DIR)]
    mail_dir: PathBuf,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user. The first operator is created this way.
    Add {
        #[command(flatten)]
        db: DbArgs,
        /// operator, global_admin, mpn_admin, consultant, benefit_admin or project_manager.
        #[arg(long)]
        role: String,
        #[arg(long)]
        email: String,
        #[arg(long, env = "SAPS_USER_PASSWORD")]
        password: String,
        #[arg(long)]
        name: Option<String>,
        /// The organisation (not needed for operators).
        #[arg(long)]
        org_id: Option<String>,
    },
}

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("SAPS_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,tower_http=warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .init();
}

fn ensure_parent(path: &str) {
    if !path.starts_with("postgres") {
        let p = std::path::Path::new(path.strip_prefix("sqlite:").unwrap_or(path));
        if let Some(dir) = p.parent()
            && !dir.as_os_str().is_empty()
        {
            let _ = std::fs::create_dir_all(dir);
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}

#[tokio::main]
async fn main() -> Result<()> {
    let cli = Cli::parse();
    init_tracing();
    // Before any HTTP client is built (webhook deliveries, the bench's clients).
    saps_app::webhooks::install_tls_provider();
    let file = config::load(cli.config.as_deref())?;
    match cli.command {
        Command::Serve(a) => serve(a, &file).await,
        Command::Demo(a) => demo(a).await,
        Command::Migrate { db } => {
            let database = db.resolve(&file);
            ensure_parent(&database);
            let url = database.clone();
            tokio::task::spawn_blocking(move || store::migrate(&url))
                .await?
                .map_err(|e| anyhow::anyhow!("cannot migrate {}: {e}", redact(&database)))?;
            println!("migrated {}", redact(&database));
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Add {
                    db,
                    role,
                    email,
                    password,
                    name,
                    org_id,
                },
        } => user_add(&db.resolve(&file), &role, &email, &password, name, org_id).await,
        #[cfg(feature = "bench")]
        Command::Bench(a) => bench::run(a).await,
        Command::Import(a) => import::run(a, &file).await,
        Command::Audit { command } => audit::run(command, &file).await,
    }
}

/// Hides a password in a database URL for printing.
pub(crate) fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}://{}:***{}", &url[..s], user, &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

async fn open(database: &str) -> Result<std::sync::Arc<dyn saps_core::port::Store>> {
    ensure_parent(database);
    let db = database.to_owned();
    tokio::task::spawn_blocking(move || store::open_store(&db))
        .await?
        .map_err(|e| anyhow::anyhow!("cannot open the database {}: {e}", redact(database)))
}

async fn serve(a: ServeArgs, file: &config::Layer) -> Result<()> {
    let config::Serve {
        database,
        listen,
        clock,
        mail_dir,
        public_url,
        trusted_proxy,
        mail_transport,
        webhooks_allow_private,
        metrics_listen,
        metrics_token,
    } = a.layer().over(file).serve()?;
    let clock = Clock::parse(&clock).map_err(anyhow::Error::msg)?;
    let store = open(&database).await?;
    let settings = Settings {
        mail_dir,
        public_url,
        trusted_proxy,
        mail_transport,
        webhooks_allow_private,
        metrics_token,
        ..Settings::default()
    };
    let app = App::new(store, clock, settings)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    tracing::info!(
        database = %redact(&database),
        store = %app.store.describe(),
        "saps listening on http://{}",
        listener.local_addr()?
    );
    if let Some(addr) = metrics_listen {
        let metrics = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr} for /metrics"))?;
        tracing::info!("metrics on http://{addr}/metrics");
        tokio::spawn(saps_web::metrics::serve(metrics, app.clone()));
    }
    saps_web::serve(listener, app, shutdown_signal()).await?;
    Ok(())
}

async fn demo(a: DemoArgs) -> Result<()> {
    if let Some(dir) = a.database.parent() {
        std::fs::create_dir_all(dir).ok();
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut p = a.database.clone().into_os_string();
        p.push(suffix);
        let _ = std::fs::remove_file(&p);
    }
    let db = a.database.to_string_lossy().into_owned();
    let store = open(&db).await?;
    let listener = tokio::net::TcpListener::bind(a.listen)
        .await
        .with_context(|| {
            format!(
                "cannot listen on {} (use --listen to pick another address)",
                a.listen
            )
        })?;
    let url = format!("http://{}", listener.local_addr()?);
    let settings = Settings {
        mail_dir: a.mail_dir.clone(),
        public_url: url.clone(),
        // The demo's receivers run on this machine.
        webhooks_allow_private: true,
        ..Settings::default()
    };
    let app = App::new(
        store,
        Clock::simulated(saps_app::demo::demo_date()),
        settings,
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let accounts = saps_app::demo::seed(&app)
        .await
        .map_err(|e| anyhow::anyhow!("seeding the demo failed: {e}"))?;
    // Only the demo lists its accounts on the sign-in page.
    app.list_demo_accounts(&accounts);
    println!();
    println!(
        "saps demo — the Software Assurance Planning Services program on a simulated clock at {}",
        saps_app::demo::demo_date()
    );
    println!();
    println!("  open     {url}/");
    println!("  API      {url}/api/docs  (OpenAPI: {url}/api/openapi.json)");
    println!(
        "  database {}   mail {}",
        a.database.display(),
        a.mail_dir.display()
    );
    println!();
    println!(
        "  accounts (password for all: {})",
        saps_app::demo::DEMO_PASSWORD
    );
    for acc in &accounts {
        println!(
            "    {:<16} {:<48} {}",
            acc.role.as_str(),
            acc.email,
            acc.org
        );
    }
    println!();
    println!("  Press Ctrl+C to stop.");
    saps_web::serve(listener, app, shutdown_signal()).await?;
    Ok(())
}

async fn user_add(
    database: &str,
    role: &str,
    email: &str,
    password: &str,
    name: Option<String>,
    org_id: Option<String>,
) -> Result<()> {
    let Some(role) = Role::parse(role) else {
        bail!(
            "{role:?} is not a role: use one of {}",
            Role::ALL.map(Role::as_str).join(", ")
        );
    };
    let store = open(database).await?;
    let app = App::new(store, Clock::System, Settings::default())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let org = match (role, org_id) {
        (Role::Operator, None) => app
            .bootstrap_operator_org("Program operator")
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?,
        (_, Some(id)) => id
            .parse()
            .map_err(|_| anyhow::anyhow!("{id:?} is not an organisation id"))?,
        (_, None) => bail!("--org-id is needed for a {} user", role.as_str()),
    };
    let name = name.unwrap_or_else(|| email.split('@').next().unwrap_or(email).to_owned());
    let user = app
        .add_user(
            None,
            org,
            NewUser {
                email: email.into(),
                name,
                role,
                password: password.into(),
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    println!(
        "added {} ({}) with id {}",
        user.email,
        user.role.as_str(),
        user.id
    );
    Ok(())
}
