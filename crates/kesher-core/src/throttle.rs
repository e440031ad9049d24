//! Slowing down password guessing: after a few failed sign-ins for one address, or many
//! from one client, further attempts are refused for a while. Kept in memory: a restart
//! forgets it, which is acceptable for a single small server.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed attempts allowed per e-mail address within the window.
pub const PER_ACCOUNT: usize = 5;
/// Failed attempts allowed per client address within the window.
pub const PER_CLIENT: usize = 20;
/// How long failures are remembered.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Default)]
pub struct LoginThrottle {
    failures: Mutex<HashMap<String, Vec<Instant>>>,
}

impl LoginThrottle {
    fn keys(email: &str, client: &str) -> [(String, usize); 2] {
        [
            (
                format!("account:{}", email.trim().to_lowercase()),
                PER_ACCOUNT,
            ),
            (format!("client:{client}"), PER_CLIENT),
        ]
    }

    /// `Err(seconds)` when the caller must wait before trying again.
    pub fn check(&self, email: &str, client: &str, now: Instant) -> Result<(), u64> {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        for (key, allowed) in Self::keys(email, client) {
            if let Some(times) = failures.get_mut(&key) {
                times.retain(|t| now.duration_since(*t) < WINDOW);
                if times.len() >= allowed {
                    let oldest = times[0];
                    let wait = WINDOW.saturating_sub(now.duration_since(oldest));
                    return Err(wait.as_secs().max(1));
                }
            }
        }
        Ok(())
    }

    pub fn failed(&self, email: &str, client: &str, now: Instant) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        for (key, _) in Self::keys(email, client) {
            failures.entry(key).or_default().push(now);
        }
        // Forget old entries so the map does not grow without bound.
        if failures.len() > 10_000 {
            failures.retain(|_, times| times.iter().any(|t| now.duration_since(*t) < WINDOW));
        }
    }

    /// A successful sign-in clears the account's failures (not the client's).
    pub fn succeeded(&self, email: &str) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        failures.remove(&format!("account:{}", email.trim().to_lowercase()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_lock_the_account_for_the_rest_of_the_window() {
        let throttle = LoginThrottle::default();
        let start = Instant::now();
        for i in 0..PER_ACCOUNT {
            assert!(
                throttle.check("dana@example.org", "1.1.1.1", start).is_ok(),
                "attempt {i}"
            );
            throttle.failed("Dana@example.org", "1.1.1.1", start);
        }
        // Locked, from any client.
        let wait = throttle
            .check(
                "dana@example.org",
                "2.2.2.2",
                start + Duration::from_secs(60),
            )
            .unwrap_err();
        assert_eq!(wait, 14 * 60);
        // Other accounts are not affected.
        assert!(
            throttle
                .check("yossi@example.org", "2.2.2.2", start)
                .is_ok()
        );
        // After the window, the account opens again.
        assert!(
            throttle
                .check("dana@example.org", "1.1.1.1", start + WINDOW)
                .is_ok()
        );
    }

    #[test]
    fn one_client_guessing_many_accounts_is_stopped() {
        let throttle = LoginThrottle::default();
        let now = Instant::now();
        for i in 0..PER_CLIENT {
            throttle.failed(&format!("user{i}@example.org"), "9.9.9.9", now);
        }
        assert!(
            throttle
                .check("someone@example.org", "9.9.9.9", now)
                .is_err()
        );
        assert!(
            throttle
                .check("someone@example.org", "8.8.8.8", now)
                .is_ok()
        );
    }

    #[test]
    fn success_clears_the_account() {
        let throttle = LoginThrottle::default();
        let now = Instant::now();
        for _ in 0..PER_ACCOUNT {
            throttle.failed("dana@example.org", "1.1.1.1", now);
        }
        throttle.succeeded("dana@example.org");
        assert!(throttle.check("dana@example.org", "3.3.3.3", now).is_ok());
    }
}
