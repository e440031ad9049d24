//! Who may do what in an initiative. Every check in the product goes through [`Access`],
//! so the whole permission matrix is in this one file.
//!
//! | action                              | admin | backbone | partner editor   | member | viewer |
//! |-------------------------------------|-------|----------|------------------|--------|--------|
//! | read the initiative and its network | yes   | yes      | yes              | yes    | yes    |
//! | see people's e-mail and phone       | yes   | yes      | yes              | yes    | no     |
//! | edit the initiative's description   | yes   | yes      | no               | no     | no     |
//! | create or delete organizations      | yes   | yes      | no               | no     | no     |
//! | edit an organization and its people | yes   | yes      | own organization | no     | no     |
//! | manage bodies and memberships       | yes   | yes      | no               | no     | no     |
//! | import the partner list             | yes   | yes      | no               | no     | no     |
//! | grant and revoke roles              | yes   | yes      | no               | no     | no     |
//! | read the audit history              | yes   | yes      | own organization | no     | no     |
//! | create initiatives and users        | yes   | no       | no               | no     | no     |
//! | revise the agenda, tree, decisions  | yes   | yes      | no               | no     | no     |
//! | propose a glossary definition       | yes   | yes      | for own org      | yes¹   | no     |
//! | raise a dispute, state a position   | yes   | yes      | for own org      | yes¹   | no     |
//! | comment on a version of the agenda  | yes   | yes      | for own org      | yes¹   | no     |
//! | record a change in the field        | yes   | yes      | own organization | no     | no     |
//! | record an endorsement of the agenda | yes   | yes      | own organization | no     | no     |
//! | invite people, read the outbox      | yes   | yes      | no               | no     | no     |
//! | report values                       | yes   | yes      | own organization | no     | no     |
//! | keep programs                       | yes   | yes      | own organization | no     | no     |
//! | draft and approve the work plan     | yes   | yes      | no               | no     | no     |
//! | report on a row of the work plan    | yes   | yes      | own organization | no     | no     |
//! | make and report on commitments      | yes   | yes      | own organization | no     | no     |
//! | submit a joint funding request      | yes   | yes      | own organization | no     | no     |
//! | answer a funding request, pledge    | no    | no       | own funder²      | own funder² | no |
//! | see funders' answers and notes      | no    | no       | own funder²      | own funder² | no |
//!
//! ¹ A member speaks in their own name, and for their organization when their role names one
//! (a steering-committee member from a partner, say); it gives them no editing rights there.
//!
//! ² Funders speak among themselves: only someone who speaks for a funding organization
//! (philanthropy, a foundation) answers a joint request and reads the others' answers; the
//! rest of the initiative sees how much of the request is covered, not who gave what.

use serde::{Deserialize, Serialize};

use crate::{OrganizationId, choice_enum};

choice_enum!(
    /// A user's role in one initiative.
    Role, "role", {
        /// Manages everything in the initiative.
        Backbone => "backbone",
        /// Edits their own organization and its people.
        PartnerEditor => "partner_editor",
        /// Reads and takes part.
        Member => "member",
        /// Reads.
        Viewer => "viewer",
    }
);

impl Role {
    /// Whether a grant of this role keeps an organization: a partner editor's must name
    /// one; a member's may (the organization they speak for); the others never do.
    pub fn names_organization(self) -> bool {
        matches!(self, Role::PartnerEditor | Role::Member)
    }
}

/// A role as granted: a partner editor's role is tied to their organization, and a
/// member's may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Grant {
    pub role: Role,
    pub organization_id: Option<OrganizationId>,
}

/// What one user may do in one initiative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Access {
    admin: bool,
    grant: Option<Grant>,
}

impl Access {
    /// The access of a user with `grant` in the initiative (`None`: no role there).
    pub fn new(admin: bool, grant: Option<Grant>) -> Self {
        Self { admin, grant }
    }

    pub fn role(&self) -> Option<Role> {
        self.grant.map(|g| g.role)
    }

    fn manages(&self) -> bool {
        self.admin || self.role() == Some(Role::Backbone)
    }

    /// The organization a partner editor edits and speaks for.
    pub fn own_organization(&self) -> Option<OrganizationId> {
        match self.grant {
            Some(Grant {
                role: Role::PartnerEditor,
                organization_id,
            }) => organization_id,
            _ => None,
        }
    }

    pub fn can_read(&self) -> bool {
        self.admin || self.grant.is_some()
    }

    pub fn can_see_contact_details(&self) -> bool {
        self.can_read() && self.role() != Some(Role::Viewer)
    }

    pub fn can_edit_initiative(&self) -> bool {
        self.manages()
    }

    /// Creating and deleting organizations shapes the network itself.
    pub fn can_manage_network(&self) -> bool {
        self.manages()
    }

    /// Editing an organization's details, and adding, editing or removing its people.
    pub fn can_edit_organization(&self, organization: OrganizationId) -> bool {
        self.manages() || self.own_organization() == Some(organization)
    }

    pub fn can_manage_bodies(&self) -> bool {
        self.manages()
    }

    pub fn can_import(&self) -> bool {
        self.manages()
    }

    pub fn can_manage_roles(&self) -> bool {
        self.manages()
    }

    /// The history of an organization: its managers, and the partner editor who speaks for it.
    pub fn can_read_history_of(&self, organization: OrganizationId) -> bool {
        self.can_edit_organization(organization)
    }

    /// The initiative's whole audit log.
    pub fn can_read_audit_log(&self) -> bool {
        self.manages()
    }

    /// Revising the agenda statements, the results tree, the decision log and the glossary's
    /// terms and adoptions; recording endorsements; resolving and reopening disputes.
    pub fn can_edit_agenda(&self) -> bool {
        self.manages()
    }

    /// The organization a person speaks for in the agenda's conversation: a partner
    /// editor's, or a member's when their role names one.
    pub fn speaks_for(&self) -> Option<OrganizationId> {
        match self.grant {
            Some(Grant {
                role: Role::PartnerEditor | Role::Member,
                organization_id,
            }) => organization_id,
            _ => None,
        }
    }

    /// Proposing a glossary definition, raising a dispute, stating a position, commenting on
    /// a version of the agenda: the backbone, partner editors in the name of their
    /// organization, and members in their own name (and their organization's, if any).
    pub fn can_take_part_in_agenda(&self) -> bool {
        self.manages() || self.own_organization().is_some() || self.role() == Some(Role::Member)
    }

    /// Reporting values and recording changes in the field: the backbone, and partner
    /// editors for their own organization.
    pub fn can_report(&self) -> bool {
        self.manages() || self.own_organization().is_some()
    }

    /// Speaking for an organization in the agenda (a definition, a dispute, a position, a
    /// change in the field): the backbone for any, a partner editor for their own.
    /// Recording that an organization endorsed a version of the agenda: the backbone for
    /// any partner, a partner editor for their own (who and when are kept).
    pub fn can_endorse_for(&self, organization: OrganizationId) -> bool {
        self.manages() || self.own_organization() == Some(organization)
    }

    /// Offering the endorsement form at all.
    pub fn can_endorse(&self) -> bool {
        self.manages() || self.own_organization().is_some()
    }

    /// Naming an organization as the one behind a proposal, a dispute, a position or a
    /// comment: the backbone for any, others for the one they speak for.
    pub fn can_speak_for(&self, organization: OrganizationId) -> bool {
        self.manages() || self.speaks_for() == Some(organization)
    }

    /// Marking an action item done, or open again: the backbone, the person who carries it
    /// (`carried_by_me`), and whoever speaks for the organization that carries it.
    pub fn can_close_action(&self, organization: OrganizationId, carried_by_me: bool) -> bool {
        self.can_read()
            && (self.manages() || carried_by_me || self.speaks_for() == Some(organization))
    }

    /// Places, indicators, targets, rules, imports of data and approving partners' values.
    pub fn can_manage_measurement(&self) -> bool {
        self.manages()
    }

    /// Entering values of an indicator: the backbone for any, a partner editor for the
    /// indicators their organization reports.
    pub fn can_enter_values(&self, owner: Option<OrganizationId>) -> bool {
        self.manages() || (owner.is_some() && self.own_organization() == owner)
    }

    /// Adding, editing and removing an organization's programs: the backbone for any
    /// partner, a partner editor for their own.
    pub fn can_keep_programs_of(&self, organization: OrganizationId) -> bool {
        self.manages() || self.own_organization() == Some(organization)
    }

    /// Reporting where a row of the work plan stands, what it spent and its milestones: the
    /// backbone, and the editor of the organization that carries the row out.
    pub fn can_report_on(&self, executor: crate::activities::work_plan::Executor) -> bool {
        use crate::activities::work_plan::Executor;
        self.manages()
            || matches!(executor, Executor::Organization(o) if self.own_organization() == Some(o))
    }

    /// Offering the program form at all.
    pub fn can_keep_programs(&self) -> bool {
        self.manages() || self.own_organization().is_some()
    }

    /// Making, changing and reporting on an organization's commitments, and submitting its
    /// funding requests: the backbone for any partner, a partner editor for their own.
    pub fn can_commit_for(&self, organization: OrganizationId) -> bool {
        self.can_keep_programs_of(organization)
    }

    /// Offering the commitment and funding request forms at all.
    pub fn can_commit(&self) -> bool {
        self.can_keep_programs()
    }

    /// The funding organization this user answers joint requests for: the one they speak
    /// for, when `is_funder` says it funds. Funders' answers stay among funders, so the
    /// backbone and an admin answer for none.
    pub fn funder(&self, is_funder: impl FnOnce(OrganizationId) -> bool) -> Option<OrganizationId> {
        self.speaks_for().filter(|o| is_funder(*o))
    }

    pub fn is_admin(&self) -> bool {
        self.admin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(role: Role, org: Option<i64>) -> Access {
        Access::new(
            false,
            Some(Grant {
                role,
                organization_id: org.map(OrganizationId::new),
            }),
        )
    }

    #[test]
    fn the_matrix() {
        let own = OrganizationId::new(1);
        let other = OrganizationId::new(2);
        let admin = Access::new(true, None);
        let backbone = with(Role::Backbone, None);
        let editor = with(Role::PartnerEditor, Some(1));
        let member = with(Role::Member, None);
        let viewer = with(Role::Viewer, None);
        let stranger = Access::new(false, None);

        for a in [admin, backbone, editor, member, viewer] {
            assert!(a.can_read());
        }
        assert!(!stranger.can_read());
        assert!(!stranger.can_see_contact_details());

        assert!(member.can_see_contact_details());
        assert!(!viewer.can_see_contact_details());

        for a in [admin, backbone] {
            assert!(a.can_manage_network() && a.can_manage_bodies() && a.can_import());
            assert!(a.can_edit_organization(other) && a.can_manage_roles());
        }
        for a in [editor, member, viewer, stranger] {
            assert!(!a.can_manage_network() && !a.can_manage_bodies() && !a.can_import());
            assert!(!a.can_edit_initiative() && !a.can_manage_roles());
        }
        assert!(editor.can_edit_organization(own));
        assert!(!editor.can_edit_organization(other));
        assert!(!member.can_edit_organization(own));
        assert!(editor.can_read_history_of(own) && !editor.can_read_history_of(other));

        assert!(
            backbone.can_edit_agenda() && !editor.can_edit_agenda() && !member.can_edit_agenda()
        );
        assert!(
            editor.can_take_part_in_agenda()
                && member.can_take_part_in_agenda()
                && !viewer.can_take_part_in_agenda()
        );
        assert!(editor.can_report() && !member.can_report() && !viewer.can_report());
        // A member whose role names their organization speaks for it, and edits nothing.
        let member_of_own = with(Role::Member, Some(1));
        assert!(member_of_own.can_speak_for(own) && !member_of_own.can_speak_for(other));
        assert!(!member_of_own.can_edit_organization(own) && !member_of_own.can_report());
        assert!(!member_of_own.can_endorse_for(own) && !member.can_speak_for(own));
        assert!(
            editor.can_speak_for(own)
                && !editor.can_speak_for(other)
                && backbone.can_speak_for(other)
        );
    }

    #[test]
    fn a_partner_editor_without_an_organization_edits_nothing() {
        let editor = with(Role::PartnerEditor, None);
        assert!(!editor.can_edit_organization(OrganizationId::new(1)));
    }
}
