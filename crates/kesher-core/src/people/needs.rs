//! "What needs me": for one person in one initiative, what is waiting for them to act —
//! values returned to them, values waiting for their approval, reports due from their
//! organization, open questions awaiting its position, an agenda version it has not
//! endorsed, invitations not yet answered. Each item says where it is done.

use chrono::Utc;
use kesher_domain::agenda::DisputeStatus;
use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::values::ValueState;
use kesher_domain::{DisputeId, IndicatorId, InitiativeId, MeetingId};
use kesher_store::InvitationStatus;

use crate::{Caller, CoreResult, Kesher};

/// One thing waiting for the person.
#[derive(Clone, Debug, PartialEq)]
pub enum Need {
    /// Values the backbone returned with a comment, to correct and send again.
    ValuesReturned { count: usize },
    /// Partners' values sent for approval (the backbone).
    ValuesAwaitingApproval { count: usize },
    /// An indicator the person's organization reports, with no value yet for the period
    /// that has just ended.
    ReportDue {
        indicator_id: IndicatorId,
        indicator_name: String,
        period: Period,
    },
    /// An open question on which the person's organization has stated no position.
    PositionAwaited {
        dispute_id: DisputeId,
        question: String,
    },
    /// The current agenda version, not yet endorsed by the person's organization.
    VersionToEndorse { version: String },
    /// Invitations sent and not yet answered (the backbone).
    InvitationsWaiting { count: usize },
    /// Open action items the person carries, themselves or through the organization they
    /// speak for; `overdue` of them are past their due date.
    ActionItemsOpen { count: usize, overdue: usize },
    /// Rows of this school year's work plan the person reports on (their organization's;
    /// every row for the backbone) that are late: open, with a milestone past its day.
    PlanRowsLate { count: usize },
    /// Commitments the person reports on (their organization's; every one for the
    /// backbone) whose date has passed with no report of how they were kept.
    CommitmentsOverdue { count: usize },
    /// A milestone of such a row due in the coming month, not yet done.
    MilestoneAhead {
        title: String,
        due_on: chrono::NaiveDate,
    },
    /// A meeting the person is invited to in the coming fortnight.
    MeetingAhead {
        meeting_id: MeetingId,
        body_name: String,
        number: u32,
        starts_at: chrono::NaiveDateTime,
    },
}

/// How far ahead "what needs me" shows the milestones of the work plan.
const MILESTONES_AHEAD_DAYS: i64 = 30;

/// How far ahead "what needs me" shows the meetings a person is invited to.
const MEETINGS_AHEAD_DAYS: i64 = 14;

impl Kesher {
    /// What waits for the caller in the initiative, most pressing first. Empty when
    /// nothing does (the page says so).
    pub async fn what_needs_me(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        english: bool,
    ) -> CoreResult<Vec<Need>> {
        let access = self.require(caller, initiative, |_| true).await?;
        let own = access.own_organization();
        let manages = access.can_manage_measurement();
        let mut needs = Vec::new();
        if manages || own.is_some() {
            let returned = self
                .review_items(caller, initiative, &[ValueState::Returned])
                .await?
                .len();
            if returned > 0 {
                needs.push(Need::ValuesReturned { count: returned });
            }
        }
        if manages {
            let waiting = self
                .review_items(caller, initiative, &[ValueState::Submitted])
                .await?
                .len();
            if waiting > 0 {
                needs.push(Need::ValuesAwaitingApproval { count: waiting });
            }
        }
        if let Some(organization) = own {
            let today = Utc::now().date_naive();
            for indicator in self.store.indicators(initiative).await? {
                if indicator.owner_organization_id != Some(organization) || indicator.is_computed()
                {
                    continue;
                }
                let due = Period::containing(indicator.period_kind, today).previous();
                if !self.store.value_periods(indicator.id).await?.contains(&due) {
                    needs.push(Need::ReportDue {
                        indicator_id: indicator.id,
                        indicator_name: indicator.name_in(english).to_string(),
                        period: due,
                    });
                }
            }
            let versions = self.store.agenda_versions(initiative).await?;
            let sequence: Vec<(u32, bool)> = versions
                .iter()
                .map(|v| (v.number, v.wording_only))
                .collect();
            // A wording-only mend after the latest change of substance asks nothing new.
            if let Some(binding) = kesher_domain::agenda::binding_version(&sequence) {
                let endorsed = self
                    .store
                    .endorsements(initiative)
                    .await?
                    .into_iter()
                    .any(|e| e.organization_id == organization && e.version >= binding);
                if !endorsed {
                    let label = versions
                        .iter()
                        .find(|v| v.number == binding)
                        .map(|v| v.label.clone())
                        .unwrap_or_else(|| binding.to_string());
                    needs.push(Need::VersionToEndorse { version: label });
                }
            }
        }
        // A partner editor, or a member whose role names their organization, speaks for it
        // in open questions.
        if let Some(organization) = access.speaks_for() {
            for dispute in self.store.disputes(initiative).await? {
                let open = dispute.status != DisputeStatus::Resolved;
                let answered = dispute
                    .positions
                    .iter()
                    .any(|p| p.organization_id == Some(organization));
                if open && !answered {
                    needs.push(Need::PositionAwaited {
                        dispute_id: dispute.id,
                        question: dispute.question,
                    });
                }
            }
        }
        let mine = self.my_action_items(caller, initiative).await?;
        if !mine.is_empty() {
            let today = Utc::now().date_naive();
            needs.push(Need::ActionItemsOpen {
                count: mine.len(),
                overdue: mine
                    .iter()
                    .filter(|a| crate::communication::action_items::is_overdue(a, today))
                    .count(),
            });
        }
        // The work plan of the school year running today: late rows, milestones ahead.
        if access.can_edit_agenda() || own.is_some() {
            let today = Utc::now()
                .with_timezone(&chrono_tz::Asia::Jerusalem)
                .date_naive();
            let year = match Period::containing(
                kesher_domain::measurement::period::PeriodKind::SchoolYear,
                today,
            ) {
                Period::SchoolYear(year) => year,
                _ => chrono::Datelike::year(&today),
            };
            let plan = self
                .store
                .work_plans(initiative)
                .await?
                .into_iter()
                .filter(|p| {
                    p.kind == kesher_domain::activities::work_plan::PlanKind::Annual
                        && p.first_year == year
                })
                .max_by_key(|p| p.version);
            if let Some(plan) = plan {
                let rows: Vec<_> = plan
                    .items
                    .iter()
                    .filter(|r| access.can_report_on(r.executor))
                    .collect();
                let late = rows
                    .iter()
                    .filter(|r| crate::activities::work_plans::row_late(r, today))
                    .count();
                if late > 0 {
                    needs.push(Need::PlanRowsLate { count: late });
                }
                // The backbone sees the late rows; a partner also its coming milestones.
                if own.is_some() {
                    let until = today + chrono::Duration::days(MILESTONES_AHEAD_DAYS);
                    for row in rows.iter().filter(|r| r.status.open()) {
                        for milestone in &row.milestones {
                            if milestone.done_on.is_none()
                                && milestone.due_on >= today
                                && milestone.due_on <= until
                            {
                                needs.push(Need::MilestoneAhead {
                                    title: milestone.title.clone(),
                                    due_on: milestone.due_on,
                                });
                            }
                        }
                    }
                }
            }
        }
        if access.can_commit() {
            let today = crate::dates::today();
            let overdue = self
                .store
                .commitments(initiative)
                .await?
                .iter()
                .filter(|c| {
                    access.can_commit_for(c.organization_id)
                        && kesher_domain::activities::commitments::overdue(c.status, c.due, today)
                })
                .count();
            if overdue > 0 {
                needs.push(Need::CommitmentsOverdue { count: overdue });
            }
        }
        if let Some(me) = self.person_of(caller, initiative).await? {
            let now = Utc::now()
                .with_timezone(&chrono_tz::Asia::Jerusalem)
                .naive_local();
            let until = now + chrono::Duration::days(MEETINGS_AHEAD_DAYS);
            for body in self.store.list_bodies(initiative).await? {
                for meeting in self.store.meetings_of_body(body.id).await? {
                    let invited = meeting.invitees.iter().any(|i| i.person_id == me.id);
                    if invited && meeting.starts_at >= now && meeting.starts_at <= until {
                        needs.push(Need::MeetingAhead {
                            meeting_id: meeting.id,
                            body_name: meeting.body_name,
                            number: meeting.number,
                            starts_at: meeting.starts_at,
                        });
                    }
                }
            }
        }
        if access.can_manage_roles() {
            let now = Utc::now();
            let waiting = self
                .store
                .invitations_in(initiative)
                .await?
                .iter()
                .filter(|i| i.status(now) == InvitationStatus::Pending)
                .count();
            if waiting > 0 {
                needs.push(Need::InvitationsWaiting { count: waiting });
            }
        }
        Ok(needs)
    }
}
