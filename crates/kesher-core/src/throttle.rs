//! Slowing down password guessing without letting a stranger lock the owner out.
//!
//! Every try is counted *before* its password is checked, under one lock, so tries sent all
//! at once cannot slip past the count while the hashes run. Failures are counted per
//! (account, client) pair: after [`FREE_TRIES`] the pair waits [`FIRST_WAIT`], doubled with
//! each further failure up to [`MAX_WAIT`]. Someone guessing from elsewhere therefore slows
//! only themselves; the owner at their own address still signs in. A client failing across
//! many accounts is slowed the same way after [`PER_CLIENT`] failures. A success clears its
//! pair and gives back its client's count. Kept in memory: a restart forgets it, which is
//! acceptable for a single small server.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures a pair may make before it must wait.
pub const FREE_TRIES: u32 = 5;
/// Failures one client may make across all accounts before it must wait.
pub const PER_CLIENT: u32 = 20;
/// The first wait; each further failure doubles it.
pub const FIRST_WAIT: Duration = Duration::from_secs(30);
/// The longest wait.
pub const MAX_WAIT: Duration = Duration::from_secs(15 * 60);
/// A key quiet this long after its wait ended starts again from nothing.
pub const FORGET_AFTER: Duration = Duration::from_secs(15 * 60);

/// Failures of one key, and when the last was counted.
#[derive(Clone, Copy, Debug)]
struct Count {
    failures: u32,
    last: Instant,
}

impl Count {
    /// How long after the last failure the next try must wait, given the free tries.
    fn wait(&self, free: u32) -> Duration {
        if self.failures < free {
            return Duration::ZERO;
        }
        let doublings = (self.failures - free).min(16);
        FIRST_WAIT.saturating_mul(1 << doublings).min(MAX_WAIT)
    }

    fn forgotten(&self, free: u32, now: Instant) -> bool {
        now.duration_since(self.last) > self.wait(free) + FORGET_AFTER
    }
}

#[derive(Default)]
struct Counts {
    pairs: HashMap<(String, String), Count>,
    clients: HashMap<String, Count>,
}

#[derive(Default)]
pub struct LoginThrottle {
    counts: Mutex<Counts>,
}

/// A try that has been counted as a failure in advance; [`LoginThrottle::succeeded`] takes
/// it back.
#[derive(Debug)]
#[must_use]
pub struct Attempt {
    account: String,
    client: String,
}

fn account_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// `Err(seconds)` when `count` must still wait at `now`.
fn must_wait(count: Option<&Count>, free: u32, now: Instant) -> Result<(), u64> {
    let Some(count) = count else { return Ok(()) };
    let until = count.last + count.wait(free);
    if now < until {
        let wait = until.duration_since(now);
        Err(wait.as_secs() + u64::from(wait.subsec_nanos() > 0))
    } else {
        Ok(())
    }
}

impl LoginThrottle {
    /// Counts a try in advance, or says how many seconds the caller must wait. A refused
    /// try is not counted, so waiting clients cannot lengthen their own wait by knocking.
    pub fn begin(&self, email: &str, client: &str, now: Instant) -> Result<Attempt, u64> {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        let pair = (account_key(email), client.to_string());
        must_wait(counts.pairs.get(&pair), FREE_TRIES, now)?;
        must_wait(counts.clients.get(client), PER_CLIENT, now)?;
        let fresh = Count {
            failures: 0,
            last: now,
        };
        bump(counts.pairs.entry(pair.clone()).or_insert(fresh), now);
        bump(
            counts.clients.entry(client.to_string()).or_insert(fresh),
            now,
        );
        // Forget quiet keys so the maps do not grow without bound.
        if counts.pairs.len() + counts.clients.len() > 10_000 {
            counts.pairs.retain(|_, c| !c.forgotten(FREE_TRIES, now));
            counts.clients.retain(|_, c| !c.forgotten(PER_CLIENT, now));
        }
        Ok(Attempt {
            account: pair.0,
            client: pair.1,
        })
    }

    /// The password was right: the pair starts afresh and the client's count is given back.
    pub fn succeeded(&self, attempt: Attempt) {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        counts
            .pairs
            .remove(&(attempt.account, attempt.client.clone()));
        if let Some(count) = counts.clients.get_mut(&attempt.client) {
            count.failures = count.failures.saturating_sub(1);
        }
    }
}

fn bump(count: &mut Count, now: Instant) {
    count.failures = count.failures.saturating_add(1);
    count.last = now;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tries_sent_at_once_are_counted_before_any_is_checked() {
        let throttle = LoginThrottle::default();
        let now = Instant::now();
        let admitted: Vec<_> = (0..40)
            .filter_map(|_| throttle.begin("dana@example.org", "1.1.1.1", now).ok())
            .collect();
        assert_eq!(admitted.len(), FREE_TRIES as usize);
    }

    #[test]
    fn a_guesser_elsewhere_does_not_lock_the_owner_out() {
        let throttle = LoginThrottle::default();
        let now = Instant::now();
        for _ in 0..30 {
            let _ = throttle.begin("dana@example.org", "6.6.6.6", now);
        }
        assert!(throttle.begin("Dana@example.org", "6.6.6.6", now).is_err());
        assert!(throttle.begin("dana@example.org", "1.1.1.1", now).is_ok());
    }

    #[test]
    fn each_failure_past_the_free_ones_doubles_the_wait() {
        let throttle = LoginThrottle::default();
        let mut now = Instant::now();
        for _ in 0..FREE_TRIES {
            let _ = throttle.begin("dana@example.org", "1.1.1.1", now).unwrap();
        }
        assert_eq!(
            throttle
                .begin("dana@example.org", "1.1.1.1", now)
                .unwrap_err(),
            30
        );
        // Waiting the 30 seconds opens one more try; failing it doubles the wait.
        now += FIRST_WAIT;
        let _ = throttle.begin("dana@example.org", "1.1.1.1", now).unwrap();
        assert_eq!(
            throttle
                .begin("dana@example.org", "1.1.1.1", now)
                .unwrap_err(),
            60
        );
        now += Duration::from_secs(60);
        let _ = throttle.begin("dana@example.org", "1.1.1.1", now).unwrap();
        assert_eq!(
            throttle
                .begin("dana@example.org", "1.1.1.1", now)
                .unwrap_err(),
            120
        );
        // Never longer than the longest wait.
        let mut count = Count {
            failures: 60,
            last: now,
        };
        assert_eq!(count.wait(FREE_TRIES), MAX_WAIT);
        count.failures = 0;
        assert_eq!(count.wait(FREE_TRIES), Duration::ZERO);
    }

    #[test]
    fn one_client_guessing_many_accounts_is_slowed() {
        let throttle = LoginThrottle::default();
        let now = Instant::now();
        for i in 0..PER_CLIENT {
            let _ = throttle
                .begin(&format!("user{i}@example.org"), "9.9.9.9", now)
                .unwrap();
        }
        assert!(
            throttle
                .begin("someone@example.org", "9.9.9.9", now)
                .is_err()
        );
        assert!(
            throttle
                .begin("someone@example.org", "8.8.8.8", now)
                .is_ok()
        );
    }

    #[test]
    fn success_clears_the_pair_and_gives_back_the_client_count() {
        let throttle = LoginThrottle::default();
        let now = Instant::now();
        for _ in 0..FREE_TRIES - 1 {
            let _ = throttle.begin("dana@example.org", "1.1.1.1", now).unwrap();
        }
        let right = throttle.begin("dana@example.org", "1.1.1.1", now).unwrap();
        throttle.succeeded(right);
        for _ in 0..FREE_TRIES {
            let _ = throttle.begin("dana@example.org", "1.1.1.1", now).unwrap();
        }
    }
}
