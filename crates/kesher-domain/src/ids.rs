//! Typed identifiers. Each entity has its own id type so that an organization id can
//! never be passed where a person id is expected.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            utoipa::ToSchema,
        )]
        #[serde(transparent)]
        #[schema(value_type = i64)]
        pub struct $name(i64);

        impl $name {
            /// Wraps a raw database key.
            pub const fn new(raw: i64) -> Self {
                Self(raw)
            }
            /// The raw key, for storage and URLs.
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// An initiative (יוזמה).
    InitiativeId
);
id_type!(
    /// A partner organization (ארגון).
    OrganizationId
);
id_type!(
    /// A representative of an organization (איש/אשת קשר).
    PersonId
);
id_type!(
    /// A governing or working body (גוף).
    BodyId
);
id_type!(
    /// A person's seat in a body (חברות).
    MembershipId
);
id_type!(
    /// A login account.
    UserId
);
id_type!(
    /// An API token.
    ApiTokenId
);
id_type!(
    /// A parsed spreadsheet waiting for the user's confirmation.
    ImportDraftId
);
id_type!(
    /// One entry of the audit log.
    AuditEntryId
);
id_type!(
    /// One saved version of an initiative's agenda statements.
    AgendaVersionId
);
id_type!(
    /// A node of the results tree (mission, goal, lever, action component).
    ResultNodeId
);
id_type!(
    /// A glossary term.
    TermId
);
id_type!(
    /// One version of a glossary term's definition.
    DefinitionId
);
id_type!(
    /// A decision in the decision log.
    DecisionId
);
id_type!(
    /// An open question or dispute.
    DisputeId
);
id_type!(
    /// One organization's position in a dispute.
    PositionId
);
id_type!(
    /// A meeting of a body.
    MeetingId
);
id_type!(
    /// An action item a meeting gave someone.
    ActionItemId
);
id_type!(
    /// A calendar feed someone subscribed to.
    CalendarFeedId
);
id_type!(
    /// A comment on a version of the agenda.
    AgendaCommentId
);
id_type!(
    /// An organization's endorsement of an agenda version.
    EndorsementId
);
id_type!(
    /// A change an organization made in the field because of the agenda.
    FieldChangeId
);
id_type!(
    /// A place measurements are about: the country, a district, an authority, a school.
    PlaceId
);
id_type!(
    /// A named group of places (periphery authorities), for filtering and comparison.
    PlaceGroupId
);
id_type!(
    /// An indicator of the shared measurement.
    IndicatorId
);
id_type!(
    /// A target an indicator aims at for one period.
    TargetId
);
id_type!(
    /// One file, form or API call that values came from.
    DataSourceId
);
id_type!(
    /// A saved mapping of a file's columns, reused for the next file of the same shape.
    ColumnMappingId
);
id_type!(
    /// An invitation into an initiative (הזמנה).
    InvitationId
);
id_type!(
    /// A message in the outbox.
    MailId
);
id_type!(
    /// Something a person is told of (a value returned to them, an invitation accepted).
    NotificationId
);
id_type!(
    /// An update (newsletter) the backbone writes and sends to an audience (עדכון).
    UpdateId
);
id_type!(
    /// A document in the initiative's library, with its versions.
    DocumentId
);
id_type!(
    /// One uploaded version of a document.
    DocumentVersionId
);
id_type!(
    /// A program a partner runs (תוכנית), with the goals it serves and the places it reaches.
    ProgramId
);
id_type!(
    /// A work plan, multi-year or annual, in one of its versions (תוכנית עבודה).
    WorkPlanId
);
id_type!(
    /// A row of a work plan: a node of the results tree, who carries it out, its budget.
    WorkPlanItemId
);
id_type!(
    /// A milestone of a work plan's row.
    MilestoneId
);
id_type!(
    /// A partner's commitment of money, people or activity to a goal (התחייבות).
    CommitmentId
);
id_type!(
    /// A joint funding request a partner puts before every funding partner.
    FundingRequestId
);
