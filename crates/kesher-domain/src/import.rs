//! Importing the partner list a backbone already keeps in a spreadsheet: which columns mean
//! what, how each row is checked, and how the rows are matched against the organizations
//! and people already in the initiative, so that importing the same file twice changes
//! nothing.
//!
//! One row is one organization, optionally with one of its people. The same organization
//! may appear on many rows (one per person); its details may be filled on one row and left
//! blank on the others. A blank cell never clears a stored value: it means "not given".

use std::collections::HashMap;

use serde::Serialize;

use crate::network::{OrganizationInput, OrganizationType, PersonDetails, Sector, parse_tags};
use crate::search::fold;
use crate::sheet::{Table, TableRow};
use crate::text::{
    Email, LINE_MAX, LONG_TEXT_MAX, Name, Phone, WebAddress, optional_line, optional_text,
};
use crate::{Invalid, OrganizationId, PersonId, choice_enum};

choice_enum!(
    /// A column the partner import understands.
    PartnerColumn, "import-column", {
        Organization => "organization",
        ExternalId => "external_id",
        Sector => "sector",
        OrganizationType => "organization_type",
        Description => "description",
        Website => "website",
        Tags => "tags",
        Person => "person",
        RoleTitle => "role_title",
        Email => "email",
        Phone => "phone",
    }
);

/// The most rows one import takes; a partner list is hundreds of rows, not millions.
pub const MAX_ROWS: usize = 20_000;

/// Folds a header or a choice as people type it: "שם ארגון *", "Organization_Name" and
/// "organization name" all read the same.
pub fn fold_label(raw: &str) -> String {
    let replaced: String = raw
        .chars()
        .map(|c| if c == '_' || c == '-' { ' ' } else { c })
        .filter(|c| !matches!(c, '*' | ':'))
        .collect();
    fold(&replaced)
}

/// The words a spreadsheet may use for columns and for choices. The codes themselves are
/// always understood; the caller adds the labels of every language the product speaks.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    columns: HashMap<String, PartnerColumn>,
    sectors: HashMap<String, Sector>,
    organization_types: HashMap<String, OrganizationType>,
}

impl Vocabulary {
    /// A vocabulary that knows the stable codes.
    pub fn with_codes() -> Self {
        let mut v = Self::default();
        for c in PartnerColumn::ALL {
            v.add_column(c.code(), *c);
        }
        for s in Sector::ALL {
            v.add_sector(s.code(), *s);
        }
        for t in OrganizationType::ALL {
            v.add_organization_type(t.code(), *t);
        }
        v
    }

    pub fn add_column(&mut self, spelling: &str, column: PartnerColumn) {
        self.columns.insert(fold_label(spelling), column);
    }

    pub fn add_sector(&mut self, spelling: &str, sector: Sector) {
        self.sectors.insert(fold_label(spelling), sector);
    }

    pub fn add_organization_type(&mut self, spelling: &str, kind: OrganizationType) {
        self.organization_types.insert(fold_label(spelling), kind);
    }

    fn column(&self, header: &str) -> Option<PartnerColumn> {
        self.columns.get(&fold_label(header)).copied()
    }

    fn sector(&self, raw: &str) -> Result<Option<Sector>, Invalid> {
        if raw.trim().is_empty() {
            return Ok(None);
        }
        self.sectors
            .get(&fold_label(raw))
            .copied()
            .map(Some)
            .ok_or(Invalid::Choice)
    }

    fn organization_type(&self, raw: &str) -> Result<Option<OrganizationType>, Invalid> {
        if raw.trim().is_empty() {
            return Ok(None);
        }
        self.organization_types
            .get(&fold_label(raw))
            .copied()
            .map(Some)
            .ok_or(Invalid::Choice)
    }
}

/// Something wrong with the file or one of its rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum IssueKind {
    /// The file is neither CSV nor XLSX.
    UnknownFormat,
    /// The text is in none of the encodings the import reads (UTF-8, Windows-1255).
    UnknownEncoding,
    /// The file has no header row.
    Empty,
    /// The file has a header but no rows.
    NoRows,
    TooManyRows {
        max: usize,
    },
    /// A required column is not in the header.
    MissingColumn,
    /// Two headers mean the same column.
    DuplicateColumn {
        header: String,
    },
    /// A cell's value was refused.
    Cell {
        problem: Invalid,
    },
    /// A sector or type the import does not know, as written in the cell.
    UnknownChoice {
        value: String,
    },
    /// This organization appears on an earlier line with a different value here.
    ConflictingOrganization {
        first_line: usize,
    },
    /// Two organizations in the file share this external id.
    ExternalIdRepeated {
        first_line: usize,
    },
    /// The new name is already another organization's.
    NameTaken,
    /// The same person (by e-mail, or by name in the same organization) is on an earlier line
    /// with different details.
    ConflictingPerson {
        first_line: usize,
    },
    /// Person details are given without the person's name.
    PersonWithoutName,
}

impl IssueKind {
    /// The Fluent message id that explains this issue.
    pub fn message_id(&self) -> &'static str {
        match self {
            IssueKind::UnknownFormat => "import-issue-unknown-format",
            IssueKind::UnknownEncoding => "import-issue-unknown-encoding",
            IssueKind::Empty => "import-issue-empty",
            IssueKind::NoRows => "import-issue-no-rows",
            IssueKind::TooManyRows { .. } => "import-issue-too-many-rows",
            IssueKind::MissingColumn => "import-issue-missing-column",
            IssueKind::DuplicateColumn { .. } => "import-issue-duplicate-column",
            IssueKind::Cell { problem } => problem.message_id(),
            IssueKind::UnknownChoice { .. } => "import-issue-unknown-choice",
            IssueKind::ConflictingOrganization { .. } => "import-issue-conflicting-organization",
            IssueKind::ExternalIdRepeated { .. } => "import-issue-external-id-repeated",
            IssueKind::NameTaken => "import-issue-name-taken",
            IssueKind::ConflictingPerson { .. } => "import-issue-conflicting-person",
            IssueKind::PersonWithoutName => "import-issue-person-without-name",
        }
    }

    /// Numbers the message needs, as (name, value) pairs.
    pub fn message_args(&self) -> Vec<(&'static str, i64)> {
        match self {
            IssueKind::TooManyRows { max } => vec![("max", *max as i64)],
            IssueKind::Cell { problem } => problem.message_args(),
            IssueKind::ConflictingOrganization { first_line }
            | IssueKind::ExternalIdRepeated { first_line }
            | IssueKind::ConflictingPerson { first_line } => vec![("line", *first_line as i64)],
            _ => Vec::new(),
        }
    }
}

/// One issue, placed where the user can find it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// The spreadsheet line (the header is line 1); `None` for the file as a whole.
    pub line: Option<usize>,
    pub column: Option<PartnerColumn>,
    #[serde(flatten)]
    pub kind: IssueKind,
}

impl Issue {
    pub fn file(kind: IssueKind) -> Self {
        Self {
            line: None,
            column: None,
            kind,
        }
    }
}

/// Which column of the sheet holds which field.
#[derive(Clone, Debug, Default)]
pub struct ColumnMap {
    index: HashMap<PartnerColumn, usize>,
    /// Headers that mean nothing to the import; they are shown to the user and skipped.
    pub ignored: Vec<String>,
}

impl ColumnMap {
    fn get<'r>(&self, row: &'r TableRow, column: PartnerColumn) -> Option<&'r str> {
        self.index.get(&column).map(|i| row.cell(*i))
    }

    pub fn has(&self, column: PartnerColumn) -> bool {
        self.index.contains_key(&column)
    }
}

/// Reads the header row.
pub fn map_columns(headers: &[String], vocabulary: &Vocabulary) -> Result<ColumnMap, Vec<Issue>> {
    let mut map = ColumnMap::default();
    let mut issues = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        if header.trim().is_empty() {
            continue;
        }
        match vocabulary.column(header) {
            Some(column) if map.index.contains_key(&column) => issues.push(Issue {
                line: Some(1),
                column: Some(column),
                kind: IssueKind::DuplicateColumn {
                    header: header.trim().to_string(),
                },
            }),
            Some(column) => {
                map.index.insert(column, i);
            }
            None => map.ignored.push(header.trim().to_string()),
        }
    }
    if !map.has(PartnerColumn::Organization) {
        issues.push(Issue {
            line: Some(1),
            column: Some(PartnerColumn::Organization),
            kind: IssueKind::MissingColumn,
        });
    }
    if issues.is_empty() {
        Ok(map)
    } else {
        Err(issues)
    }
}

/// An organization's details as given on one or more rows; `None` is "not given".
#[derive(Clone, Debug, PartialEq, Eq)]
struct GivenOrganization {
    name: Name,
    external_id: Option<String>,
    sector: Option<Sector>,
    organization_type: Option<OrganizationType>,
    description: Option<String>,
    website: Option<WebAddress>,
    tags: Option<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct GivenPerson {
    name: Name,
    role_title: Option<String>,
    email: Option<Email>,
    phone: Option<Phone>,
}

struct RowReader<'a> {
    map: &'a ColumnMap,
    vocabulary: &'a Vocabulary,
    row: &'a TableRow,
    issues: Vec<Issue>,
}

impl RowReader<'_> {
    fn field<T>(
        &mut self,
        column: PartnerColumn,
        parse: impl FnOnce(&str) -> Result<T, Invalid>,
    ) -> Option<T> {
        let raw = self.map.get(self.row, column)?;
        match parse(raw) {
            Ok(value) => Some(value),
            Err(problem) => {
                self.issues.push(Issue {
                    line: Some(self.row.line),
                    column: Some(column),
                    kind: IssueKind::Cell { problem },
                });
                None
            }
        }
    }

    /// A closed-list field: an unknown value is reported as written, so the user sees it.
    fn choice<T>(
        &mut self,
        column: PartnerColumn,
        parse: impl FnOnce(&str) -> Result<Option<T>, Invalid>,
    ) -> Option<T> {
        let raw = self.map.get(self.row, column)?;
        match parse(raw) {
            Ok(value) => value,
            Err(_) => {
                self.issues.push(Issue {
                    line: Some(self.row.line),
                    column: Some(column),
                    kind: IssueKind::UnknownChoice {
                        value: raw.trim().to_string(),
                    },
                });
                None
            }
        }
    }

    /// A field whose empty cell means "not given".
    fn optional<T>(
        &mut self,
        column: PartnerColumn,
        parse: impl FnOnce(&str) -> Result<Option<T>, Invalid>,
    ) -> Option<T> {
        self.field(column, parse).flatten()
    }

    fn read(mut self) -> (Option<(GivenOrganization, Option<GivenPerson>)>, Vec<Issue>) {
        use PartnerColumn as C;
        let name = self.field(C::Organization, Name::parse);
        let external_id = self.optional(C::ExternalId, |s| optional_line(s, LINE_MAX));
        let vocabulary = self.vocabulary;
        let sector = self.choice(C::Sector, |s| vocabulary.sector(s));
        let organization_type =
            self.choice(C::OrganizationType, |s| vocabulary.organization_type(s));
        let description = self.optional(C::Description, |s| optional_text(s, LONG_TEXT_MAX));
        let website = self.optional(C::Website, WebAddress::parse_optional);
        let tags = self
            .field(C::Tags, parse_tags)
            .filter(|tags| !tags.is_empty());

        let person_name = self
            .map
            .get(self.row, C::Person)
            .unwrap_or("")
            .trim()
            .to_string();
        let person_given = [C::RoleTitle, C::Email, C::Phone].iter().any(|c| {
            self.map
                .get(self.row, *c)
                .is_some_and(|v| !v.trim().is_empty())
        });
        let mut person = None;
        if !person_name.is_empty() || person_given {
            let name = self.field(C::Person, Name::parse);
            let role_title = self.optional(C::RoleTitle, |s| optional_line(s, LINE_MAX));
            let email = self.optional(C::Email, Email::parse_optional);
            let phone = self.optional(C::Phone, Phone::parse_optional);
            if person_name.is_empty() {
                // Name::parse already refused the empty name when the column exists.
                if !self.map.has(C::Person) {
                    self.issues.push(Issue {
                        line: Some(self.row.line),
                        column: Some(C::Person),
                        kind: IssueKind::PersonWithoutName,
                    });
                }
            } else if let Some(name) = name {
                person = Some(GivenPerson {
                    name,
                    role_title,
                    email,
                    phone,
                });
            }
        }

        let organization = name.map(|name| GivenOrganization {
            name,
            external_id,
            sector,
            organization_type,
            description,
            website,
            tags,
        });
        if self.issues.is_empty() {
            (organization.map(|o| (o, person)), self.issues)
        } else {
            (None, self.issues)
        }
    }
}

/// What will happen to one record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", content = "id", rename_all = "snake_case")]
pub enum Change<Id> {
    Create,
    Update(Id),
    Unchanged(Id),
}

/// An organization in the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlannedOrganization {
    /// The first line it appears on.
    pub line: usize,
    pub change: Change<OrganizationId>,
    pub input: OrganizationInput,
}

/// Where a planned person belongs: an organization already stored, or one the plan creates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationRef {
    Existing(OrganizationId),
    /// An index into [`ImportPlan::organizations`].
    Planned(usize),
}

/// A person in the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlannedPerson {
    pub line: usize,
    pub change: Change<PersonId>,
    pub organization: OrganizationRef,
    pub details: PersonDetails,
}

/// Everything an accepted file will do, in order: organizations first, then people.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportPlan {
    pub organizations: Vec<PlannedOrganization>,
    pub people: Vec<PlannedPerson>,
}

/// How many records each change touches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ChangeCounts {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl ChangeCounts {
    fn count<Id>(changes: impl Iterator<Item = Change<Id>>) -> Self {
        let mut counts = Self::default();
        for change in changes {
            match change {
                Change::Create => counts.created += 1,
                Change::Update(_) => counts.updated += 1,
                Change::Unchanged(_) => counts.unchanged += 1,
            }
        }
        counts
    }
}

impl ImportPlan {
    pub fn organization_counts(&self) -> ChangeCounts {
        ChangeCounts::count(self.organizations.iter().map(|o| o.change))
    }

    pub fn people_counts(&self) -> ChangeCounts {
        ChangeCounts::count(self.people.iter().map(|p| p.change))
    }

    /// True when accepting the plan would write nothing.
    pub fn changes_nothing(&self) -> bool {
        self.organizations
            .iter()
            .all(|o| matches!(o.change, Change::Unchanged(_)))
            && self
                .people
                .iter()
                .all(|p| matches!(p.change, Change::Unchanged(_)))
    }
}

/// An organization already in the initiative.
#[derive(Clone, Debug)]
pub struct ExistingOrganization {
    pub id: OrganizationId,
    pub input: OrganizationInput,
}

/// A person already in the initiative.
#[derive(Clone, Debug)]
pub struct ExistingPerson {
    pub id: PersonId,
    pub organization_id: OrganizationId,
    pub details: PersonDetails,
}

/// Keeps the first value given for a field and reports a later, different one.
fn merge_field<T: PartialEq + Clone>(kept: &mut Option<T>, given: &Option<T>) -> bool {
    match (kept.as_ref(), given) {
        (_, None) => true,
        (None, Some(v)) => {
            *kept = Some(v.clone());
            true
        }
        (Some(k), Some(v)) => k == v,
    }
}

struct OrganizationGroup {
    line: usize,
    given: GivenOrganization,
}

struct PersonEntry {
    line: usize,
    group: usize,
    given: GivenPerson,
}

/// Checks every row of `table` and plans the import against what the initiative holds.
/// Returns every issue found when the file cannot be accepted as a whole.
pub fn plan(
    table: &Table,
    vocabulary: &Vocabulary,
    existing_organizations: &[ExistingOrganization],
    existing_people: &[ExistingPerson],
) -> Result<(ImportPlan, ColumnMap), Vec<Issue>> {
    if table.headers.iter().all(|h| h.trim().is_empty()) {
        return Err(vec![Issue::file(IssueKind::Empty)]);
    }
    let map = map_columns(&table.headers, vocabulary)?;
    let rows: Vec<&TableRow> = table.rows.iter().filter(|r| !r.is_blank()).collect();
    if rows.is_empty() {
        return Err(vec![Issue::file(IssueKind::NoRows)]);
    }
    if rows.len() > MAX_ROWS {
        return Err(vec![Issue::file(IssueKind::TooManyRows { max: MAX_ROWS })]);
    }

    let mut issues = Vec::new();
    let mut groups: Vec<OrganizationGroup> = Vec::new();
    let mut group_by_name: HashMap<String, usize> = HashMap::new();
    let mut group_by_external_id: HashMap<String, usize> = HashMap::new();
    let mut people: Vec<PersonEntry> = Vec::new();
    let mut person_by_key: HashMap<String, usize> = HashMap::new();

    for row in rows {
        let reader = RowReader {
            map: &map,
            vocabulary,
            row,
            issues: Vec::new(),
        };
        let (read, row_issues) = reader.read();
        issues.extend(row_issues);
        let Some((organization, person)) = read else {
            continue;
        };

        let name_key = fold(organization.name.as_str());
        let group_index = match group_by_name.get(&name_key) {
            Some(&index) => {
                let group = &mut groups[index];
                let given = &organization;
                let kept = &mut group.given;
                let consistent = [
                    (
                        PartnerColumn::ExternalId,
                        merge_field(&mut kept.external_id, &given.external_id),
                    ),
                    (
                        PartnerColumn::Sector,
                        merge_field(&mut kept.sector, &given.sector),
                    ),
                    (
                        PartnerColumn::OrganizationType,
                        merge_field(&mut kept.organization_type, &given.organization_type),
                    ),
                    (
                        PartnerColumn::Description,
                        merge_field(&mut kept.description, &given.description),
                    ),
                    (
                        PartnerColumn::Website,
                        merge_field(&mut kept.website, &given.website),
                    ),
                    (
                        PartnerColumn::Tags,
                        merge_field(&mut kept.tags, &given.tags),
                    ),
                ];
                for (column, ok) in consistent {
                    if !ok {
                        issues.push(Issue {
                            line: Some(row.line),
                            column: Some(column),
                            kind: IssueKind::ConflictingOrganization {
                                first_line: group.line,
                            },
                        });
                    }
                }
                index
            }
            None => {
                groups.push(OrganizationGroup {
                    line: row.line,
                    given: organization.clone(),
                });
                group_by_name.insert(name_key, groups.len() - 1);
                groups.len() - 1
            }
        };
        if let Some(external_id) = &organization.external_id {
            match group_by_external_id.get(external_id) {
                Some(&other) if other != group_index => issues.push(Issue {
                    line: Some(row.line),
                    column: Some(PartnerColumn::ExternalId),
                    kind: IssueKind::ExternalIdRepeated {
                        first_line: groups[other].line,
                    },
                }),
                _ => {
                    group_by_external_id.insert(external_id.clone(), group_index);
                }
            }
        }

        if let Some(person) = person {
            let key = match &person.email {
                Some(email) => format!("email:{}", email.as_str()),
                None => format!("name:{group_index}:{}", fold(person.name.as_str())),
            };
            match person_by_key.get(&key) {
                Some(&earlier) => {
                    let entry = &people[earlier];
                    if entry.given != person || entry.group != group_index {
                        issues.push(Issue {
                            line: Some(row.line),
                            column: Some(PartnerColumn::Person),
                            kind: IssueKind::ConflictingPerson {
                                first_line: entry.line,
                            },
                        });
                    }
                }
                None => {
                    people.push(PersonEntry {
                        line: row.line,
                        group: group_index,
                        given: person,
                    });
                    person_by_key.insert(key, people.len() - 1);
                }
            }
        }
    }

    // Match organizations against the initiative: by external id first, then by name.
    let stored_by_external_id: HashMap<&str, &ExistingOrganization> = existing_organizations
        .iter()
        .filter_map(|o| o.input.external_id.as_deref().map(|x| (x, o)))
        .collect();
    let stored_by_name: HashMap<String, &ExistingOrganization> = existing_organizations
        .iter()
        .map(|o| (fold(o.input.name.as_str()), o))
        .collect();

    let mut organizations = Vec::with_capacity(groups.len());
    for group in &groups {
        let given = &group.given;
        let stored = given
            .external_id
            .as_deref()
            .and_then(|x| stored_by_external_id.get(x).copied())
            .or_else(|| stored_by_name.get(&fold(given.name.as_str())).copied());
        match stored {
            Some(stored) => {
                // A rename through the external id must not take another organization's name.
                if let Some(holder) = stored_by_name.get(&fold(given.name.as_str()))
                    && holder.id != stored.id
                {
                    issues.push(Issue {
                        line: Some(group.line),
                        column: Some(PartnerColumn::Organization),
                        kind: IssueKind::NameTaken,
                    });
                    continue;
                }
                let current = &stored.input;
                let input = OrganizationInput {
                    name: given.name.clone(),
                    sector: given.sector.unwrap_or(current.sector),
                    organization_type: given.organization_type.unwrap_or(current.organization_type),
                    description: given
                        .description
                        .clone()
                        .or_else(|| current.description.clone()),
                    website: given.website.clone().or_else(|| current.website.clone()),
                    tags: given.tags.clone().unwrap_or_else(|| current.tags.clone()),
                    external_id: given
                        .external_id
                        .clone()
                        .or_else(|| current.external_id.clone()),
                };
                let change = if &input == current {
                    Change::Unchanged(stored.id)
                } else {
                    Change::Update(stored.id)
                };
                organizations.push(PlannedOrganization {
                    line: group.line,
                    change,
                    input,
                });
            }
            None => {
                let mut missing = false;
                for (column, absent) in [
                    (PartnerColumn::Sector, given.sector.is_none()),
                    (
                        PartnerColumn::OrganizationType,
                        given.organization_type.is_none(),
                    ),
                ] {
                    if absent {
                        missing = true;
                        issues.push(Issue {
                            line: Some(group.line),
                            column: Some(column),
                            kind: IssueKind::Cell {
                                problem: Invalid::Required,
                            },
                        });
                    }
                }
                if let (false, Some(sector), Some(organization_type)) =
                    (missing, given.sector, given.organization_type)
                {
                    organizations.push(PlannedOrganization {
                        line: group.line,
                        change: Change::Create,
                        input: OrganizationInput {
                            name: given.name.clone(),
                            sector,
                            organization_type,
                            description: given.description.clone(),
                            website: given.website.clone(),
                            tags: given.tags.clone().unwrap_or_default(),
                            external_id: given.external_id.clone(),
                        },
                    });
                }
            }
        }
    }
    if !issues.is_empty() {
        issues.sort_by_key(|i| (i.line, i.column));
        return Err(issues);
    }

    // Every group produced exactly one planned organization, in order.
    let organization_refs: Vec<OrganizationRef> = organizations
        .iter()
        .enumerate()
        .map(|(i, o)| match o.change {
            Change::Create => OrganizationRef::Planned(i),
            Change::Update(id) | Change::Unchanged(id) => OrganizationRef::Existing(id),
        })
        .collect();

    let stored_people_by_email: HashMap<&str, &ExistingPerson> = existing_people
        .iter()
        .filter_map(|p| p.details.email.as_ref().map(|e| (e.as_str(), p)))
        .collect();
    let stored_people_by_name: HashMap<(OrganizationId, String), &ExistingPerson> = existing_people
        .iter()
        .map(|p| ((p.organization_id, fold(p.details.name.as_str())), p))
        .collect();

    let mut planned_people = Vec::with_capacity(people.len());
    for entry in people {
        let organization = organization_refs[entry.group];
        let given = entry.given;
        let stored = given
            .email
            .as_ref()
            .and_then(|e| stored_people_by_email.get(e.as_str()).copied())
            .or_else(|| match organization {
                OrganizationRef::Existing(id) => stored_people_by_name
                    .get(&(id, fold(given.name.as_str())))
                    .copied(),
                OrganizationRef::Planned(_) => None,
            });
        let (change, details) = match stored {
            Some(stored) => {
                let current = &stored.details;
                let details = PersonDetails {
                    name: given.name,
                    role_title: given.role_title.or_else(|| current.role_title.clone()),
                    email: given.email.or_else(|| current.email.clone()),
                    phone: given.phone.or_else(|| current.phone.clone()),
                };
                let same_place = organization == OrganizationRef::Existing(stored.organization_id);
                let change = if same_place && &details == current {
                    Change::Unchanged(stored.id)
                } else {
                    Change::Update(stored.id)
                };
                (change, details)
            }
            None => (
                Change::Create,
                PersonDetails {
                    name: given.name,
                    role_title: given.role_title,
                    email: given.email,
                    phone: given.phone,
                },
            ),
        };
        planned_people.push(PlannedPerson {
            line: entry.line,
            change,
            organization,
            details,
        });
    }

    Ok((
        ImportPlan {
            organizations,
            people: planned_people,
        },
        map,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Table {
        let mut lines = rows.iter();
        let headers = lines
            .next()
            .unwrap()
            .iter()
            .map(|s| s.to_string())
            .collect();
        Table {
            headers,
            rows: lines
                .enumerate()
                .map(|(i, cells)| TableRow {
                    line: i + 2,
                    cells: cells.iter().map(|s| s.to_string()).collect(),
                })
                .collect(),
            format: None,
        }
    }

    fn vocabulary() -> Vocabulary {
        let mut v = Vocabulary::with_codes();
        // In the product these come from the Fluent labels; here, a few by hand.
        v.add_column("שם ארגון", PartnerColumn::Organization);
        v.add_column("מגזר", PartnerColumn::Sector);
        v.add_sector("ציבורי", Sector::Public);
        v
    }

    fn stored(plan: &ImportPlan) -> (Vec<ExistingOrganization>, Vec<ExistingPerson>) {
        let organizations: Vec<ExistingOrganization> = plan
            .organizations
            .iter()
            .enumerate()
            .map(|(i, o)| ExistingOrganization {
                id: OrganizationId::new(i as i64 + 1),
                input: o.input.clone(),
            })
            .collect();
        let people = plan
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| ExistingPerson {
                id: PersonId::new(i as i64 + 1),
                organization_id: match p.organization {
                    OrganizationRef::Planned(i) => organizations[i].id,
                    OrganizationRef::Existing(id) => id,
                },
                details: p.details.clone(),
            })
            .collect();
        (organizations, people)
    }

    const HEADER: &[&str] = &[
        "שם ארגון",
        "מגזר",
        "organization_type",
        "person",
        "email",
        "description",
    ];

    #[test]
    fn rows_group_into_organizations_with_their_people() {
        let t = table(&[
            HEADER,
            &[
                "מרכז המדע",
                "third_sector",
                "museum",
                "דנה לוי",
                "dana@example.org",
                "מוזיאון ידני",
            ],
            &["מרכז  המדע", "", "", "יוסי כהן", "yossi@example.org", ""],
            &["", "", "", "", "", ""],
            &["עיריית הדוגמה", "ציבורי", "local_authority", "", "", ""],
        ]);
        let (plan, _) = plan(&t, &vocabulary(), &[], &[]).unwrap();
        assert_eq!(plan.organizations.len(), 2);
        assert_eq!(
            plan.organizations[0].input.description.as_deref(),
            Some("מוזיאון ידני")
        );
        assert_eq!(plan.organizations[1].input.sector, Sector::Public);
        assert_eq!(plan.people.len(), 2);
        assert!(
            plan.people
                .iter()
                .all(|p| p.organization == OrganizationRef::Planned(0))
        );
        assert_eq!(
            plan.organization_counts(),
            ChangeCounts {
                created: 2,
                updated: 0,
                unchanged: 0
            }
        );
    }

    #[test]
    fn importing_the_same_rows_again_changes_nothing() {
        let t = table(&[
            HEADER,
            &[
                "מרכז המדע",
                "third_sector",
                "museum",
                "דנה לוי",
                "dana@example.org",
                "מוזיאון",
            ],
            &["בית ספר אופק", "public", "school", "רון בר", "", ""],
        ]);
        let (first, _) = plan(&t, &vocabulary(), &[], &[]).unwrap();
        let (organizations, people) = stored(&first);
        let (second, _) = plan(&t, &vocabulary(), &organizations, &people).unwrap();
        assert!(second.changes_nothing(), "{second:?}");
        assert_eq!(second.people_counts().unchanged, 2);
    }

    #[test]
    fn a_changed_cell_updates_and_a_blank_one_keeps() {
        let t = table(&[
            HEADER,
            &[
                "מרכז המדע",
                "third_sector",
                "museum",
                "דנה לוי",
                "dana@example.org",
                "מוזיאון",
            ],
        ]);
        let (first, _) = plan(&t, &vocabulary(), &[], &[]).unwrap();
        let (organizations, people) = stored(&first);
        let t = table(&[
            HEADER,
            &["מרכז המדע", "", "", "דנה לוי-כץ", "DANA@example.org", ""],
        ]);
        let (second, _) = plan(&t, &vocabulary(), &organizations, &people).unwrap();
        assert_eq!(
            second.organizations[0].change,
            Change::Unchanged(OrganizationId::new(1))
        );
        assert_eq!(second.people[0].change, Change::Update(PersonId::new(1)));
        assert_eq!(second.people[0].details.name.as_str(), "דנה לוי-כץ");
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let t = table(&[
            HEADER,
            &["", "public", "school", "", "", ""],
            &["מרכז המדע", "ממשלתי", "museum", "", "not-an-email", ""],
            &["בית ספר", "public", "", "", "", ""],
            &["מרכז המדע", "business", "museum", "", "", ""],
        ]);
        let issues = plan(&t, &vocabulary(), &[], &[]).unwrap_err();
        let found: Vec<_> = issues
            .iter()
            .map(|i| (i.line, i.column, i.kind.message_id()))
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    Some(2),
                    Some(PartnerColumn::Organization),
                    "invalid-required"
                ),
                (
                    Some(3),
                    Some(PartnerColumn::Sector),
                    "import-issue-unknown-choice"
                ),
                (Some(3), Some(PartnerColumn::Person), "invalid-required"),
                (Some(3), Some(PartnerColumn::Email), "invalid-email"),
                (
                    Some(4),
                    Some(PartnerColumn::OrganizationType),
                    "invalid-required"
                ),
            ]
        );
    }

    #[test]
    fn conflicting_details_of_one_organization_are_refused() {
        let t = table(&[
            HEADER,
            &["מרכז המדע", "third_sector", "museum", "", "", ""],
            &["מרכז המדע", "business", "museum", "", "", ""],
        ]);
        let issues = plan(&t, &vocabulary(), &[], &[]).unwrap_err();
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].line, Some(3));
        assert_eq!(
            issues[0].kind,
            IssueKind::ConflictingOrganization { first_line: 2 }
        );
    }

    #[test]
    fn a_file_without_the_organization_column_is_refused_whole() {
        let t = table(&[&["name", "phone"], &["דנה", "050-1234567"]]);
        let issues = plan(&t, &vocabulary(), &[], &[]).unwrap_err();
        assert_eq!(issues[0].kind, IssueKind::MissingColumn);
        assert_eq!(issues[0].column, Some(PartnerColumn::Organization));
    }

    #[test]
    fn empty_files() {
        assert_eq!(
            plan(&Table::default(), &vocabulary(), &[], &[]).unwrap_err()[0].kind,
            IssueKind::Empty
        );
        let t = table(&[HEADER, &["", "", "", "", "", ""]]);
        assert_eq!(
            plan(&t, &vocabulary(), &[], &[]).unwrap_err()[0].kind,
            IssueKind::NoRows
        );
    }

    #[test]
    fn external_ids_match_renamed_organizations() {
        let header: &[&str] = &["external_id", "organization", "sector", "organization_type"];
        let t = table(&[header, &["A-17", "מרכז המדע", "third_sector", "museum"]]);
        let (first, _) = plan(&t, &vocabulary(), &[], &[]).unwrap();
        let (organizations, people) = stored(&first);
        let t = table(&[header, &["A-17", "מרכז המדע והחלל", "", ""]]);
        let (second, _) = plan(&t, &vocabulary(), &organizations, &people).unwrap();
        assert_eq!(second.organizations.len(), 1);
        assert_eq!(
            second.organizations[0].change,
            Change::Update(OrganizationId::new(1))
        );
        assert_eq!(
            second.organizations[0].input.name.as_str(),
            "מרכז המדע והחלל"
        );
    }

    #[test]
    fn unknown_columns_are_ignored_and_listed() {
        let t = table(&[
            &["organization", "sector", "organization_type", "הערות"],
            &["א", "public", "school", "x"],
        ]);
        let (_, map) = plan(&t, &vocabulary(), &[], &[]).unwrap();
        assert_eq!(map.ignored, vec!["הערות"]);
    }
}
