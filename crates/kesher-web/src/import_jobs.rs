//! Imports that run on after their request: a long file is written in the background while
//! the user watches a progress bar, and its outcome waits here until they come to see it.
//! Jobs live in memory only. The import is one transaction, so a restart in the middle
//! writes nothing, and the upload is kept as a draft to import again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kesher_core::measurement::import::{DataIssue, DataOutcome, DataPurpose, ImportProgress};
use kesher_core::{CoreError, CoreResult};
use kesher_domain::{ImportDraftId, InitiativeId, UserId};

/// How long a finished job's outcome is kept for its owner to see.
const KEPT_AFTER_FINISH: Duration = Duration::from_secs(60 * 60);
/// A job that has not ended after this long is forgotten: its task is gone (every task ends
/// its job, even by panicking), so nothing will ever end it.
const GIVEN_UP_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// Every import under way or recently finished, by its unguessable id.
#[derive(Default)]
pub struct ImportJobs {
    jobs: Mutex<HashMap<String, Arc<ImportJob>>>,
}

/// One import: whose it is, how far it has come, and how it ended.
pub struct ImportJob {
    pub user: UserId,
    pub initiative: InitiativeId,
    pub purpose: DataPurpose,
    pub draft: ImportDraftId,
    pub file_name: String,
    pub progress: ImportProgress,
    started: Instant,
    ended: Mutex<Option<(Instant, Ended)>>,
}

/// How a job ended.
enum Ended {
    Written(DataOutcome),
    /// The file was refused (the data changed since the preview): every problem, by line.
    Refused(Vec<DataIssue>),
    /// Anything else; shown once, as any failed request is.
    Failed(CoreError),
}

impl ImportJob {
    pub fn new(
        user: UserId,
        initiative: InitiativeId,
        purpose: DataPurpose,
        draft: ImportDraftId,
        file_name: String,
    ) -> Self {
        Self {
            user,
            initiative,
            purpose,
            draft,
            file_name,
            progress: ImportProgress::default(),
            started: Instant::now(),
            ended: Mutex::new(None),
        }
    }

    /// Ends the job and logs how, on the spot (the user may never come back to see it).
    pub fn finish(&self, result: CoreResult<DataOutcome>) {
        let seconds = self.started.elapsed().as_secs_f64();
        let (initiative, draft, purpose) = (self.initiative.get(), self.draft.get(), self.purpose);
        let ended = match result {
            Ok(outcome) => {
                match &outcome {
                    DataOutcome::Places(p) => tracing::info!(
                        initiative,
                        draft,
                        ?purpose,
                        seconds,
                        added = p.added,
                        updated = p.updated,
                        unchanged = p.unchanged,
                        "import job written"
                    ),
                    DataOutcome::Values {
                        written,
                        places_added,
                    } => tracing::info!(
                        initiative,
                        draft,
                        ?purpose,
                        seconds,
                        added = written.added,
                        changed = written.changed,
                        unchanged = written.unchanged,
                        places_added,
                        "import job written"
                    ),
                }
                Ended::Written(outcome)
            }
            Err(CoreError::DataImport(issues)) => {
                tracing::info!(
                    initiative,
                    draft,
                    ?purpose,
                    seconds,
                    problems = issues.len(),
                    "import job refused"
                );
                Ended::Refused(issues)
            }
            Err(error) => {
                tracing::error!(initiative, draft, ?purpose, seconds, %error, "import job failed");
                Ended::Failed(error)
            }
        };
        *self.ended.lock().expect("job lock") = Some((Instant::now(), ended));
    }

    /// Runs the job's work on its own task and ends the job with its result. The job
    /// always ends, even when its work panics (a bug): the progress page then shows the
    /// failure instead of polling for ever. The handle ends once the job has.
    pub fn run(
        self: &Arc<Self>,
        work: impl std::future::Future<Output = CoreResult<DataOutcome>> + Send + 'static,
    ) -> tokio::task::JoinHandle<()> {
        let work = tokio::spawn(work);
        let ender = self.clone();
        tokio::spawn(async move {
            let result = work.await.unwrap_or_else(|panicked| {
                Err(CoreError::Internal(format!(
                    "the import stopped unexpectedly: {panicked}"
                )))
            });
            ender.finish(result);
        })
    }

    pub fn is_finished(&self) -> bool {
        self.ended.lock().expect("job lock").is_some()
    }

    /// The refusal's problems, while the job is kept to show them.
    pub fn refused(&self) -> Option<Vec<DataIssue>> {
        match &*self.ended.lock().expect("job lock") {
            Some((_, Ended::Refused(issues))) => Some(issues.clone()),
            _ => None,
        }
    }
}

impl ImportJobs {
    /// Keeps a new job and gives its id; forgets jobs that ended long ago.
    pub fn add(&self, job: Arc<ImportJob>) -> String {
        let bytes: [u8; 16] = rand::random();
        let id: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let mut jobs = self.jobs.lock().expect("jobs lock");
        jobs.retain(|_, job| match &*job.ended.lock().expect("job lock") {
            Some((at, _)) => at.elapsed() < KEPT_AFTER_FINISH,
            None => job.started.elapsed() < GIVEN_UP_AFTER,
        });
        jobs.insert(id.clone(), job);
        id
    }

    /// The job, for the user who started it in that initiative only.
    pub fn find(&self, id: &str, user: UserId, initiative: InitiativeId) -> Option<Arc<ImportJob>> {
        self.jobs
            .lock()
            .expect("jobs lock")
            .get(id)
            .filter(|job| job.user == user && job.initiative == initiative)
            .cloned()
    }

    /// Takes a job's outcome when it was written or failed: that is shown once, and the job
    /// is forgotten. A refusal stays, so the list of problems can be opened again.
    pub fn take_outcome(&self, id: &str) -> Option<CoreResult<DataOutcome>> {
        let mut jobs = self.jobs.lock().expect("jobs lock");
        let job = jobs.get(id)?;
        let mut ended = job.ended.lock().expect("job lock");
        if matches!(&*ended, Some((_, Ended::Refused(_))) | None) {
            return None;
        }
        let outcome = match ended.take()?.1 {
            Ended::Written(outcome) => Ok(outcome),
            Ended::Failed(error) => Err(error),
            Ended::Refused(_) => return None,
        };
        drop(ended);
        jobs.remove(id);
        Some(outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job() -> Arc<ImportJob> {
        Arc::new(ImportJob::new(
            UserId::new(1),
            InitiativeId::new(1),
            DataPurpose::Values,
            ImportDraftId::new(1),
            "values.csv".into(),
        ))
    }

    #[tokio::test]
    async fn a_job_whose_work_panics_still_ends_as_failed() {
        let job = job();
        job.run(async { panic!("a bug in the import") })
            .await
            .expect("the ending task itself does not panic");
        assert!(job.is_finished(), "the progress page would poll for ever");
        let ended = job.ended.lock().unwrap();
        assert!(
            matches!(&*ended, Some((_, Ended::Failed(CoreError::Internal(_))))),
            "a panic is a failure, not a refusal or a success"
        );
    }

    #[tokio::test]
    async fn a_refused_job_keeps_its_problems_for_the_progress_page() {
        let job = job();
        job.run(async { Err(CoreError::DataImport(Vec::new())) })
            .await
            .unwrap();
        assert_eq!(job.refused().map(|p| p.len()), Some(0));
    }
}
