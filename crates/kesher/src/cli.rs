//! The command line: `serve`, `demo`, `migrate`, `user add`, `token create`, `backup`.
//! Every command that touches data takes `--db` (or `KESHER_DB`).

use crate::mail::SmtpMailer;
use kesher_core::people::mail::MailTransport;
use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Args, Parser, Subcommand};
use kesher_core::accounts::UserForm;
use kesher_store::AccountStore;
use kesher_web::WebConfig;

use crate::{demo, server};

#[derive(Parser)]
#[command(
    name = "kesher",
    version,
    about = "Kesher: the workspace of a collective-impact initiative"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct Database {
    /// The SQLite database file (created if missing).
    #[arg(long, env = "KESHER_DB", default_value = "kesher.db")]
    db: PathBuf,
}

#[derive(Args, Clone)]
struct Serving {
    /// The address to listen on.
    #[arg(long, env = "KESHER_ADDR", default_value = "127.0.0.1:8080")]
    addr: String,
    /// Mark cookies Secure even without `X-Forwarded-Proto: https` (behind a TLS proxy).
    #[arg(long, env = "KESHER_SECURE_COOKIES")]
    secure_cookies: bool,
    /// The reverse proxies (addresses or networks, comma-separated, e.g. `127.0.0.1,10.0.0.0/8`)
    /// whose `X-Forwarded-For` names the real client. Without it, behind a proxy every user
    /// shares the proxy's address for sign-in throttling.
    #[arg(long, env = "KESHER_TRUSTED_PROXIES", value_delimiter = ',', value_parser = proxy)]
    trusted_proxies: Vec<ipnet::IpNet>,
    /// The address people reach Kesher at, for links in messages (e.g.
    /// `https://kesher.example.org`); by default the address it listens on.
    #[arg(long, env = "KESHER_PUBLIC_URL")]
    public_url: Option<String>,
    #[command(flatten)]
    mail: MailSettings,
}

/// Where messages go. Without an SMTP address they wait in the outbox page.
#[derive(clap::Args, Clone)]
struct MailSettings {
    /// The SMTP server: `smtp://host:port` or `smtps://user:password@host:465`.
    #[arg(long, env = "KESHER_SMTP_URL")]
    smtp_url: Option<String>,
    /// The sender of every message.
    #[arg(
        long,
        env = "KESHER_MAIL_FROM",
        default_value = "Kesher <kesher@localhost>"
    )]
    mail_from: String,
}

impl MailSettings {
    fn mailer(&self) -> anyhow::Result<Option<std::sync::Arc<dyn MailTransport>>> {
        Ok(match &self.smtp_url {
            Some(url) => Some(std::sync::Arc::new(SmtpMailer::new(url, &self.mail_from)?)),
            None => None,
        })
    }
}

/// Serves `kesher`: the web server, links pointing where it listens unless told
/// otherwise, and the mail worker when there is a mail server.
async fn serve(kesher: kesher_core::Kesher, serving: &Serving) -> anyhow::Result<server::Running> {
    let mailer = serving.mail.mailer()?;
    let running = server::start(kesher.clone(), &serving.addr, web_config(serving)).await?;
    match &serving.public_url {
        Some(url) => kesher.set_public_url(url),
        None => kesher.set_public_url(&format!("http://{}", running.address)),
    }
    if mailer.is_none() {
        println!("No KESHER_SMTP_URL: messages wait in the outbox page (/outbox).");
    }
    crate::mail::spawn_worker(kesher, mailer);
    Ok(running)
}

/// An address (`10.0.0.1`) or a network (`10.0.0.0/8`).
fn proxy(raw: &str) -> Result<ipnet::IpNet, String> {
    let raw = raw.trim();
    raw.parse::<ipnet::IpNet>()
        .or_else(|_| raw.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| format!("{raw:?} is not an address or a network such as 10.0.0.0/8"))
}

#[derive(Subcommand)]
enum Command {
    /// Serve Kesher.
    Serve {
        #[command(flatten)]
        database: Database,
        #[command(flatten)]
        serving: Serving,
    },
    /// Create (or reuse) a demo database with the demo initiatives, and serve it.
    Demo {
        /// The demo's SQLite database file.
        #[arg(long, env = "KESHER_DB", default_value = "kesher-demo.db")]
        db: PathBuf,
        #[command(flatten)]
        serving: Serving,
    },
    /// Bring the database's schema up to date, then exit.
    Migrate {
        #[command(flatten)]
        database: Database,
    },
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Check the mail settings.
    Mail {
        #[command(subcommand)]
        command: MailCommand,
    },
    /// Import places or indicator values from a CSV or XLSX file, all or nothing, as the
    /// import pages do. Problems are listed by line and column, and nothing is written.
    Import {
        #[command(flatten)]
        database: Database,
        /// The initiative's id.
        #[arg(long)]
        initiative: i64,
        /// The account the import is made as (its role is checked; the audit log names it).
        #[arg(long = "as")]
        email: String,
        /// What the file holds.
        #[arg(long, value_parser = ["places", "values"])]
        purpose: String,
        /// A column mapping as JSON (as the import page saves it); guessed from the headers
        /// when not given.
        #[arg(long)]
        mapping: Option<PathBuf>,
        /// The encoding of a CSV file when detecting it goes wrong.
        #[arg(long, default_value = "detect",
            value_parser = ["detect", "utf-8", "windows-1255", "windows-1256", "windows-1251", "windows-1252"])]
        encoding: String,
        /// The file.
        file: PathBuf,
    },
    /// Write a consistent copy of the database to a new file, even while Kesher serves.
    Backup {
        #[command(flatten)]
        database: Database,
        /// The file to write; it must not exist yet.
        #[arg(long)]
        to: PathBuf,
    },
}

#[derive(Subcommand)]
enum MailCommand {
    /// Send a test message at once through KESHER_SMTP_URL; it is kept in the outbox too.
    Test {
        #[command(flatten)]
        database: Database,
        #[command(flatten)]
        mail: MailSettings,
        /// Where to send it.
        #[arg(long)]
        to: String,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account. The password is read from standard input.
    Add {
        #[command(flatten)]
        database: Database,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Read the password from the first line of standard input.
        #[arg(long, required = true)]
        password_stdin: bool,
        /// Make the account an instance admin (creates initiatives and accounts).
        #[arg(long)]
        admin: bool,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create an API token for an account and print it (it is shown only this once).
    Create {
        #[command(flatten)]
        database: Database,
        #[arg(long)]
        email: String,
        /// A name to recognise the token by.
        #[arg(long, default_value = "api")]
        name: String,
        /// Days until the token expires.
        #[arg(long, default_value_t = kesher_core::accounts::TOKEN_DAYS)]
        days: i64,
    },
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("KESHER_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    // Logs go to standard error, coloured only on a terminal, so that what a command prints
    // (the demo's address and password, a token) stays clean on standard output.
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
}

/// Runs the command line and returns the process's exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("kesher: cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kesher: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn web_config(serving: &Serving) -> WebConfig {
    WebConfig {
        always_secure_cookies: serving.secure_cookies,
        trusted_proxies: serving.trusted_proxies.clone(),
    }
}

/// Explains a refused input on the command line (English: operators' language here).
fn explain(error: kesher_core::CoreError) -> anyhow::Error {
    match error {
        kesher_core::CoreError::Invalid(fields) => {
            let lines: Vec<String> = fields
                .iter()
                .map(|f| {
                    format!(
                        "--{}: {}",
                        f.field.replace('_', "-"),
                        kesher_i18n::Lang::En.t_with(
                            f.problem.message_id(),
                            &f.problem
                                .message_args()
                                .into_iter()
                                .map(|(n, v)| (n, kesher_i18n::Arg::Number(v)))
                                .collect::<Vec<_>>()
                        )
                    )
                })
                .collect();
            anyhow::anyhow!("{}", lines.join("\n"))
        }
        kesher_core::CoreError::NotFound => anyhow::anyhow!("no account has that e-mail address"),
        other => anyhow::anyhow!("{other}"),
    }
}

async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Mail {
            command: MailCommand::Test { database, mail, to },
        } => {
            let Some(mailer) = mail.mailer()? else {
                anyhow::bail!("set KESHER_SMTP_URL (or --smtp-url) to the mail server first");
            };
            let (_, kesher) = server::open(&database.db).await?;
            let queued = kesher
                .queue_test_mail(&to, kesher_i18n::Lang::En)
                .await
                .map_err(explain)?;
            if let Err(reason) = mailer.send(&queued).await {
                kesher
                    .store()
                    .mark_mail_failed(queued.id, &reason, None)
                    .await?;
                bail!("the mail server refused: {reason}");
            }
            kesher
                .store()
                .mark_mail_sent(queued.id, chrono::Utc::now())
                .await?;
            println!("Sent a test message to {to}.");
        }
        Command::Serve { database, serving } => {
            let (_, kesher) = server::open(&database.db).await?;
            let running = serve(kesher, &serving).await?;
            say(&format!(
                "Kesher is listening on http://{}",
                running.address
            ));
            running.task.await??;
        }
        Command::Demo { db, serving } => {
            let (kesher, login) = demo::prepare(&db).await?;
            let running = serve(kesher, &serving).await?;
            say(&format!(
                "\nKesher demo is running: http://{}\nDatabase: {}\n\
                 Sign in as {} with the password: {}\n\
                 (The same password opens {}.)\nStop with Ctrl-C.",
                running.address,
                db.display(),
                login.admin_email,
                login.password,
                login.other_accounts.join(", ")
            ));
            running.task.await??;
        }
        Command::Migrate { database } => {
            let (store, _) = server::open(&database.db).await?;
            println!(
                "The database {} is up to date ({} migrations).",
                database.db.display(),
                kesher_store_sqlite::SqliteStore::migration_names().len()
            );
            store.close().await;
        }
        Command::User {
            command:
                UserCommand::Add {
                    database,
                    email,
                    name,
                    password_stdin: _,
                    admin,
                },
        } => {
            let mut password = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut password)
                .context("reading the password from standard input")?;
            let password = password.trim_end_matches(['\r', '\n']).to_string();
            if password.is_empty() {
                bail!("no password on standard input");
            }
            let (store, kesher) = server::open(&database.db).await?;
            let form = UserForm {
                email,
                name,
                password,
                is_admin: admin.to_string(),
            };
            let user = kesher.create_user(None, &form).await.map_err(explain)?;
            println!(
                "Created account {} ({}){}.",
                user.id,
                user.email,
                if user.is_admin {
                    ", instance admin"
                } else {
                    ""
                }
            );
            store.close().await;
        }
        Command::Token {
            command:
                TokenCommand::Create {
                    database,
                    email,
                    name,
                    days,
                },
        } => {
            let (store, kesher) = server::open(&database.db).await?;
            // The audit log names who ran the command: their login on this server.
            let operator: &'static str = Box::leak(
                std::env::var("USER")
                    .or_else(|_| std::env::var("LOGNAME"))
                    .unwrap_or_else(|_| "unknown".into())
                    .into_boxed_str(),
            );
            let token = kesher
                .create_api_token(&email, &name, days, operator)
                .await
                .map_err(explain)?;
            println!("{}", token.expose());
            eprintln!(
                "Keep this token secret; it is shown only once. Send it as: Authorization: Bearer <token>"
            );
            store.close().await;
        }
        Command::Import {
            database,
            initiative,
            email,
            purpose,
            mapping,
            encoding,
            file,
        } => {
            use kesher_core::measurement::import::{
                DataFile, DataOutcome, DataPurpose, ImportProgress,
            };
            use std::io::IsTerminal;
            let bytes =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let mapping = match mapping {
                Some(path) => Some(
                    serde_json::from_slice(
                        &std::fs::read(&path)
                            .with_context(|| format!("reading {}", path.display()))?,
                    )
                    .with_context(|| format!("{} is not a JSON mapping", path.display()))?,
                ),
                None => None,
            };
            let (store, kesher) = server::open(&database.db).await?;
            let user = store
                .user_credentials(
                    &kesher_domain::text::Email::parse(&email)
                        .map_err(|_| anyhow::anyhow!("{email} is not an e-mail address"))?,
                )
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?
                .ok_or_else(|| anyhow::anyhow!("no account has the e-mail address {email}"))?
                .user;
            let caller = kesher_core::Caller { user };
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            // A long file shows how far it has come, on a terminal only (not in logs).
            let progress = std::sync::Arc::new(ImportProgress::default());
            let ticker = {
                let progress = progress.clone();
                let on_terminal = std::io::stderr().is_terminal();
                tokio::spawn(async move {
                    let mut every = tokio::time::interval(std::time::Duration::from_secs(2));
                    every.tick().await;
                    loop {
                        every.tick().await;
                        if on_terminal {
                            eprint!("\r{} rows read…", progress.done());
                        }
                    }
                })
            };
            let outcome = kesher
                .import_data_file(
                    &caller,
                    kesher_domain::InitiativeId::new(initiative),
                    DataFile {
                        purpose: if purpose == "places" {
                            DataPurpose::Places
                        } else {
                            DataPurpose::Values
                        },
                        name: &name,
                        bytes: &bytes,
                        mapping,
                        kind: kesher_domain::measurement::values::SourceKind::CommandLine,
                        encoding: kesher_domain::sheet::TextEncoding::parse(&encoding)
                            .unwrap_or_default(),
                    },
                    &progress,
                )
                .await;
            ticker.abort();
            if std::io::stderr().is_terminal() && progress.done() > 0 {
                eprintln!("\r{} rows read.   ", progress.done());
            }
            store.close().await;
            match outcome {
                Ok(DataOutcome::Places(o)) => println!(
                    "Places: {} added, {} updated, {} unchanged.",
                    o.added, o.updated, o.unchanged
                ),
                Ok(DataOutcome::Values {
                    written,
                    places_added,
                }) => println!(
                    "Values: {} added, {} changed, {} unchanged; {} places added.",
                    written.added, written.changed, written.unchanged, places_added
                ),
                Err(kesher_core::CoreError::DataImport(issues)) => {
                    for issue in issues.iter().take(50) {
                        eprintln!(
                            "line {}, column {}: {}",
                            issue.line.map(|l| l.to_string()).unwrap_or("-".into()),
                            issue.column.as_deref().unwrap_or("-"),
                            kesher_web::html::measurement::imports::data_issue_text(
                                kesher_i18n::Lang::En,
                                issue
                            )
                        );
                    }
                    bail!(
                        "the file was not imported: {} problems (nothing was written)",
                        issues.len()
                    );
                }
                Err(other) => return Err(explain(other)),
            }
        }
        Command::Backup { database, to } => {
            if !database.db.exists() {
                bail!("there is no database at {}", database.db.display());
            }
            if to.exists() {
                bail!("{} already exists; choose a new file", to.display());
            }
            let (store, _) = server::open(&database.db).await?;
            store
                .backup_to(&to)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "Wrote a copy of {} to {}.",
                database.db.display(),
                to.display()
            );
            store.close().await;
        }
    }
    Ok(())
}

/// Says something on standard output once the server runs. Whoever started it may have
/// stopped reading (a supervisor, a test that read what it needed): a closed output is no
/// reason for the server to stop, so a failed write is let go where `println!` would panic.
fn say(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}").and_then(|()| out.flush());
}
