//! How soon a message follows its event.
//!
//! `cargo bench -p kesher --bench mail` opens a fresh database, starts the mail worker
//! against a real SMTP server on loopback (mailin-embedded, as the tests use), and invites
//! `KESHER_BENCH_MAILS` people (200) one after another. For each it measures the time from the
//! invitation's write returning to the message arriving at the server, and reports p50, p95
//! and the largest, with the throughput of a burst of the same number sent at once.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kesher_core::Caller;
use kesher_core::accounts::UserForm;
use kesher_core::people::invitations::InvitationForm;
use kesher_domain::network::InitiativeForm;

/// Records when each message arrives.
#[derive(Clone, Default)]
struct Sink {
    arrivals: Arc<Mutex<Vec<Instant>>>,
}

impl mailin_embedded::Handler for Sink {
    fn data_end(&mut self) -> mailin_embedded::Response {
        self.arrivals.lock().unwrap().push(Instant::now());
        mailin_embedded::response::OK
    }
}

fn refused(error: kesher_core::CoreError) -> anyhow::Error {
    anyhow::anyhow!("{error:?}")
}

async fn wait_for(arrivals: &Arc<Mutex<Vec<Instant>>>, count: usize) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(120);
    while arrivals.lock().unwrap().len() < count {
        anyhow::ensure!(Instant::now() < deadline, "messages did not arrive");
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let count: usize = std::env::var("KESHER_BENCH_MAILS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir()?;
    let (_store, kesher) = kesher::server::open(&dir.path().join("mail.db")).await?;
    let admin = kesher
        .create_user(
            None,
            &UserForm {
                email: "bench@example.org".into(),
                name: "Bench".into(),
                password: "bench-password-long-enough".into(),
                is_admin: "true".into(),
            },
        )
        .await
        .map_err(refused)?;
    let caller = Caller { user: admin };
    let initiative = kesher
        .create_initiative(
            Some(&caller),
            &InitiativeForm {
                name: "קהילת מדע".into(),
                ..Default::default()
            },
        )
        .await
        .map_err(refused)?
        .id;

    let sink = Sink::default();
    let arrivals = sink.arrivals.clone();
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    let mut server = mailin_embedded::Server::new(sink);
    server.with_name("sink.bench").with_tcp_listener(listener);
    std::thread::spawn(move || {
        let _ = server.serve();
    });
    let mailer = kesher::mail::SmtpMailer::new(
        &format!("smtp://127.0.0.1:{port}"),
        "Kesher <kesher@example.org>",
    )?;
    kesher::mail::spawn_worker(kesher.clone(), Some(Arc::new(mailer)));

    let invite = |n: usize| InvitationForm {
        email: format!("person{n}@example.org"),
        role: "member".into(),
        ..Default::default()
    };
    // One at a time: from the write's return to the message's arrival.
    let mut latencies = Vec::with_capacity(count);
    for n in 0..count {
        let written = Instant::now();
        kesher
            .invite(&caller, initiative, &invite(n))
            .await
            .map_err(refused)?;
        wait_for(&arrivals, n + 1).await?;
        let arrived = arrivals.lock().unwrap()[n];
        latencies.push(arrived.duration_since(written));
    }
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
    println!(
        "event to message, {count} invitations one at a time: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        latencies.last().unwrap().as_secs_f64() * 1e3,
    );

    // A burst: every invitation written first, then the outbox drained.
    let started = Instant::now();
    for n in count..2 * count {
        kesher
            .invite(&caller, initiative, &invite(n))
            .await
            .map_err(refused)?;
    }
    let written = started.elapsed();
    wait_for(&arrivals, 2 * count).await?;
    let drained = started.elapsed();
    println!(
        "a burst of {count} invitations: written in {:.2} s, all delivered after {:.2} s ({:.0} messages/s)",
        written.as_secs_f64(),
        drained.as_secs_f64(),
        count as f64 / drained.as_secs_f64()
    );
    Ok(())
}
