//! Importing the partner list: read the file, plan it against the initiative, show the
//! preview, and on confirmation apply the plan in one transaction.

use kesher_domain::import::{
    ColumnMap, ImportPlan, Issue, PartnerColumn, Vocabulary, map_columns, plan,
};
use kesher_domain::import::{ExistingOrganization, ExistingPerson};
use kesher_domain::network::{OrganizationInput, PersonDetails};
use kesher_domain::network::{OrganizationType, Sector};
use kesher_domain::text::{Email, Name, Phone, WebAddress};
use kesher_domain::{ImportDraftId, InitiativeId};
use kesher_i18n::Lang;
use kesher_store::{ImportOutcome, OrganizationFilter, PersonFilter};

use crate::spreadsheet::{SheetFormat, TextEncoding, read_sheet_as};
use crate::{Caller, CoreError, CoreResult, Kesher};

/// The biggest file the import reads.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// What the user sees before confirming an import.
#[derive(Clone, Debug)]
pub struct ImportPreview {
    pub file_name: String,
    pub format: Option<SheetFormat>,
    pub rows: usize,
    /// Headers the import does not understand; their columns are skipped.
    pub ignored_columns: Vec<String>,
    /// Empty when the file can be imported.
    pub issues: Vec<Issue>,
    pub plan: Option<ImportPlan>,
    /// Set when the file is accepted and waits for confirmation.
    pub draft_id: Option<ImportDraftId>,
}

impl ImportPreview {
    pub fn accepted(&self) -> bool {
        self.issues.is_empty() && self.plan.is_some()
    }
}

/// The words the import understands: the stable codes, and every label and alias the
/// product uses in Hebrew and English (from the Fluent files, where all the words live).
pub fn import_vocabulary() -> Vocabulary {
    let mut vocabulary = Vocabulary::with_codes();
    for lang in Lang::ALL {
        for column in PartnerColumn::ALL {
            vocabulary.add_column(&lang.t(column.label_id()), *column);
            let aliases_id = format!("{}-aliases", column.label_id());
            let aliases = if lang.has(&aliases_id) {
                lang.t(&aliases_id)
            } else {
                String::new()
            };
            for alias in aliases.split(',') {
                if !alias.trim().is_empty() {
                    vocabulary.add_column(alias, *column);
                }
            }
        }
        for sector in Sector::ALL {
            vocabulary.add_sector(&lang.t(sector.label_id()), *sector);
        }
        for kind in OrganizationType::ALL {
            vocabulary.add_organization_type(&lang.t(kind.label_id()), *kind);
        }
    }
    vocabulary
}

impl Kesher {
    async fn plan_against_store(
        &self,
        initiative: InitiativeId,
        table: &kesher_domain::sheet::Table,
    ) -> CoreResult<Result<(ImportPlan, ColumnMap), Vec<Issue>>> {
        let organizations = self
            .store
            .list_organizations(initiative, &OrganizationFilter::default())
            .await?;
        let people = self
            .store
            .list_people(initiative, &PersonFilter::default())
            .await?;
        let existing_organizations: Vec<ExistingOrganization> = organizations
            .into_iter()
            .filter_map(|o| {
                // Stored values were checked on the way in; parsing them again cannot fail,
                // and a record that somehow does is simply not matched.
                Some(ExistingOrganization {
                    id: o.id,
                    input: OrganizationInput {
                        name: Name::parse(&o.name).ok()?,
                        sector: o.sector,
                        organization_type: o.organization_type,
                        description: o.description,
                        website: o
                            .website
                            .and_then(|w| WebAddress::parse_optional(&w).ok().flatten()),
                        tags: o.tags,
                        external_id: o.external_id,
                    },
                })
            })
            .collect();
        let existing_people: Vec<ExistingPerson> = people
            .into_iter()
            .filter_map(|p| {
                Some(ExistingPerson {
                    id: p.id,
                    organization_id: p.organization_id,
                    details: PersonDetails {
                        name: Name::parse(&p.name).ok()?,
                        role_title: p.role_title,
                        email: p.email.and_then(|e| Email::parse(&e).ok()),
                        phone: p
                            .phone
                            .and_then(|ph| Phone::parse_optional(&ph).ok().flatten()),
                    },
                })
            })
            .collect();
        Ok(plan(
            table,
            &import_vocabulary(),
            &existing_organizations,
            &existing_people,
        ))
    }

    /// Reads and checks a file. When it is accepted, it is kept as a draft for
    /// [`Kesher::confirm_import`]; nothing is written to the network either way.
    pub async fn preview_import(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        file_name: &str,
        bytes: &[u8],
        encoding: TextEncoding,
    ) -> CoreResult<ImportPreview> {
        self.require(caller, initiative, |a| a.can_import()).await?;
        let mut preview = ImportPreview {
            file_name: file_name.to_string(),
            format: None,
            rows: 0,
            ignored_columns: Vec::new(),
            issues: Vec::new(),
            plan: None,
            draft_id: None,
        };
        if bytes.len() > MAX_FILE_BYTES {
            return Err(CoreError::BadRequest {
                message_id: "import-file-too-big",
            });
        }
        let sheet = match read_sheet_as(bytes, encoding) {
            Ok(sheet) => sheet,
            Err(kind) => {
                preview.issues.push(Issue::file(kind));
                return Ok(preview);
            }
        };
        preview.format = Some(sheet.format);
        // Unknown headers are listed even when the file is refused for other reasons.
        if let Ok(columns) = map_columns(&sheet.table.headers, &import_vocabulary()) {
            preview.ignored_columns = columns.ignored;
        }
        preview.rows = sheet.table.rows.iter().filter(|r| !r.is_blank()).count();
        match self.plan_against_store(initiative, &sheet.table).await? {
            Ok((plan, columns)) => {
                preview.ignored_columns = columns.ignored;
                if !plan.changes_nothing() {
                    let draft = self
                        .store
                        .save_import_draft(caller.user.id, initiative, file_name, &sheet.table)
                        .await?;
                    preview.draft_id = Some(draft.id);
                }
                preview.plan = Some(plan);
            }
            Err(issues) => preview.issues = issues,
        }
        Ok(preview)
    }

    /// Applies a previewed file. The plan is made again against the data as it is now, so a
    /// change made by someone else since the preview is respected, and still all or nothing.
    pub async fn confirm_import(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        draft: ImportDraftId,
    ) -> CoreResult<ImportOutcome> {
        self.require(caller, initiative, |a| a.can_import()).await?;
        let draft = self.store.import_draft(draft).await?;
        if draft.initiative_id != initiative || draft.user_id != caller.user.id {
            return Err(CoreError::NotFound);
        }
        let (plan, _) = self
            .plan_against_store(initiative, &draft.table)
            .await?
            .map_err(CoreError::Import)?;
        let outcome = self
            .store
            .apply_import(caller.actor(), initiative, &plan)
            .await?;
        self.store.delete_import_draft(draft.id).await?;
        tracing::info!(
            initiative.id = %initiative,
            organizations.created = outcome.organizations.created,
            organizations.updated = outcome.organizations.updated,
            people.created = outcome.people.created,
            people.updated = outcome.people.updated,
            "partner import applied"
        );
        Ok(outcome)
    }
}
