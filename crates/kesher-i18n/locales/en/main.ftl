### Kesher — every word of the product in English.
### Every id here also exists in the Hebrew file (an automatic test keeps it so).

## The frame

app-name = Kesher
skip-to-content = Skip to main content
switch-language = עברית
nav-account = Account and language
nav-users = Users
signed-in-as = Signed in as { $name }
sign-out = Sign out
nav-initiative = Initiative navigation
nav-overview = Overview
nav-organizations = Organizations
nav-people = People
nav-bodies = Bodies
nav-seating = Who sits where
nav-import = Import partner list
nav-access = Access
nav-history = Change history
footer-text = Kesher — the workspace of collective-impact initiatives in STEM education.
back-home = Back to the start page
save = Save
cancel = Cancel
delete = Delete
delete-confirm = Yes, delete
actions = Actions
edit = Edit
back = Back
yes = Yes
no = No
choice-all = All
choice-none = None
choice-pick = Choose…
form-has-errors = Please correct these fields before saving:

## Sign-in

sign-in-title = Sign in to Kesher
sign-in-lead = Enter the e-mail address and password you received from the backbone team.
sign-in = Sign in
field-email = E-mail
field-password = Password

## Start page

home-title = My initiatives
home-empty = You have no access to an initiative yet. The initiative's backbone team can add you.
initiative-new = New initiative
initiative-edit = Edit the initiative
initiative-part-of = Part of: { $name }
initiative-parent = This initiative is a local community of:
initiative-children = Local communities in the network
field-initiative-name = Initiative name
field-initiative-description = Short description
hint-initiative-description = A sentence or two: who takes part, and why.
field-parent = Parent initiative
hint-parent = In a national network, each local community is an initiative of its own under the network.

## Overview

overview-at-a-glance = The network at a glance
overview-representatives = People
overview-by-sector = Organizations and representatives by sector
overview-by-type = Organizations and representatives by type of organization
overview-share = Share

## Organizations

organization-new = Add organization
organization-edit = Edit organization
organization-people = People in this organization
organization-no-people = No one from this organization has been recorded yet.
organization-seats = Seats in the initiative's bodies
organization-delete-title = Delete { $name }?
organization-delete-explained = The organization will be removed from the initiative. Only an organization with no people can be deleted; its details stay in the change history.
organization-delete-blocked =
    { $count ->
        [one] The organization still has one person. Move them to another organization or delete them; then the organization can be deleted.
       *[other] The organization still has { $count } people. Move them to another organization or delete them; then the organization can be deleted.
    }
organizations-found = 
    { $count ->
        [0] No organizations found
        [one] One organization found
       *[other] { $count } organizations found
    }
filter-organizations = Filter organizations
filter-people = Filter people
filter-text = Search
filter-apply = Filter
filter-clear = Clear filters
field-organization = Organization
field-organization-name = Organization name
field-sector = Sector
field-organization-type = Type of organization
field-organization-description = What the organization brings
hint-organization-description = Its particular value: knowledge, funding, people, connections, space.
field-website = Website
hint-website = For example www.example.org
field-tags = Tags
field-tag = Tag
hint-tags = Separated by commas, for example: robotics, girls, periphery
field-external-id = External id
hint-external-id = The organization's id in your own spreadsheet, if any. Re-imports recognise the organization by it.

sector-public = Public
sector-business = Business
sector-third_sector = Third sector
sector-philanthropy = Philanthropy
sector-academia = Academia

organization-type-ministry = Government ministry
organization-type-local_authority = Local authority
organization-type-government_agency = Government agency
organization-type-school = School
organization-type-ngo = NGO
organization-type-foundation = Foundation
organization-type-company = Company
organization-type-university = University
organization-type-college = College
organization-type-museum = Museum
organization-type-research_institute = Research institute
organization-type-other = Other

## People

person-new = Add person
person-edit = Edit person
person-seats = Seats in the initiative's bodies
person-delete-title = Delete { $name }?
person-delete-explained = The person will be deleted with their seats in bodies; the details stay in the change history. Someone who left a body but stays in the network is better kept, with an end date on the seat.
people-found = 
    { $count ->
        [0] No people found
        [one] One person found
       *[other] { $count } people found
    }
field-person = Person
field-person-name = Name
field-role-title = Role
hint-role-title = Their role in the organization, for example: programme manager
field-phone = Phone
hint-phone = For example 050-1234567

## Bodies and memberships

bodies-lead = The steering committee, the leading team, the working groups and the other bodies of the initiative, with how many sit in each today and notes on how each is composed.
bodies-empty = No bodies have been set up yet.
bodies-active-seats = Members today
bodies-advice = Notes on composition
body-new = Add body
body-edit = Edit body
body-members = Members
body-no-members = This body has no members yet.
body-active-count =
    { $count ->
        [one] One member today
       *[other] { $count } members today
    }
body-advice-title = Notes on this body's composition
body-delete-title = Delete { $name }?
body-delete-explained =
    { $count ->
        [one] The body will be deleted with its one seat; the details stay in the change history.
       *[other] The body will be deleted with its { $count } seats; the details stay in the change history.
    }
field-body = Body
field-body-name = Name of the body
field-body-kind = Kind of body
field-mandate = Mandate
hint-mandate = What the body is responsible for and what it decides.
field-cadence = Meeting cadence
field-cadence-text = In words
hint-cadence = For example: once a month, Tuesday afternoons
field-cadence-every = Every
hint-cadence-every = For reminders and the calendar: how many weeks or months between meetings.
field-cadence-unit = Unit of time
field-goal = The goal it serves
hint-goal = For a working group: the initiative's goal it is in charge of.
cadence-every-weeks =
    { $count ->
        [one] every week
       *[other] every { $count } weeks
    }
cadence-every-months =
    { $count ->
        [one] every month
       *[other] every { $count } months
    }
cadence-unit-weeks = weeks
cadence-unit-months = months

body-kind-steering_committee = Steering committee
body-kind-leading_team = Leading team
body-kind-working_group = Working group
body-kind-planning_forum = Planning forum
body-kind-coalition = Coalition
body-kind-cluster = Cluster
body-kind-advisory_board = Advisory board
body-kind-subcommittee = Subcommittee
body-kind-backbone_team = Backbone team

membership-role-chair = Chair
membership-role-co_chair = Co-chair
membership-role-member = Member
membership-role-facilitator = Facilitator
membership-role-observer = Observer

membership-new = Add a member to this body
membership-add = Add to the body
membership-edit = Edit seat
membership-edit-of = Edit the seat of { $name }
membership-delete = Remove this seat
membership-delete-confirm = Remove this seat? If the person left, an end date keeps the record instead.
field-membership-role = Role in the body
field-from = From
field-to = Until
hint-from = Empty: since the body began
hint-to = Empty: still a member
field-seat-status = Status
seat-active = Active
seat-ended = Left
seat-upcoming = Joining
seats-empty = No seats in the initiative's bodies.

warning-no-chairs = This working group has no chair. Two co-chairs are advised: a content expert and a representative of the authority.
warning-too-many-chairs = This working group has { $count } chairs. No more than two are advised.
warning-no-chair-on-steering = None of the group's chairs sits on the steering committee, so the group has no voice where decisions are taken.
warning-size-outside-advice = The group has { $count } members (observers not counted). Between { $min } and { $max } are advised.
## Who sits where

seating-lead = Everyone who sits in at least one body today, and their role in each.
seating-empty = No one sits in the initiative's bodies yet.
seating-caption = { $count } people by body
seating-no-seat = No seat
seating-unseated =
    { $count ->
        [one] One person sits in no body today.
       *[other] { $count } people sit in no body today.
    }

## Import

import-lead = Upload the partner list you already keep in a spreadsheet: a CSV file (in any common encoding, including the Windows-1255 of older Hebrew Excel) or an XLSX workbook. Every row is checked before anything is saved.
import-file = Spreadsheet file
import-file-hint = CSV or XLSX, up to 10 MB. First row: the column headings.
import-check = Check the file
import-columns = The columns the import understands
import-columns-lead = Each row is an organization, optionally with one of its people. An organization on several rows (one per person) needs its details only once.
import-column-heading = Heading
import-column-also = Also read as
import-column-meaning = Meaning
import-rules = Only the organization column is required; a new organization also needs its sector and type. An empty cell never erases a stored value. Importing the same file again changes nothing: organizations are matched by external id or name, people by e-mail or by name within their organization.
import-preview-title = Checking the file
import-file-name = File
import-format = Kind of file
import-format-xlsx = XLSX workbook
import-format-csv-utf8 = CSV, UTF-8 encoding
import-format-csv-utf16 = CSV, UTF-16 encoding
import-format-csv-windows-1255 = CSV, Windows-1255 encoding (older Hebrew Excel)
import-rows = Data rows
import-ignored-columns = These columns are not known to the import and were not read: { $name }
import-refused =
    { $count ->
        [one] The file was not imported: one problem was found.
       *[other] The file was not imported: { $count } problems were found.
    }
import-nothing-written = Nothing was saved. Correct the spreadsheet and upload it again.
import-issues = Problems in the file
import-line = Line
import-column = Column
import-problem = Problem
import-try-again = Upload a corrected file
import-plan = What the import will do
import-plan-rows = The changes, row by row
import-record = Record
import-change = Change
import-change-create = New
import-change-update = Update
import-change-unchanged = Unchanged
import-created = New
import-updated = Updated
import-unchanged = Unchanged
import-confirm = Confirm the import
import-nothing-to-change = The file matches what is already saved. There is nothing to import.
import-done-title = Import complete
import-done-lead = Every row was saved.
import-file-too-big = The file is too large. Files of up to 10 MB can be imported.
import-no-file = No file was chosen.
import-issue-at-line = Line { $line }: { $problem }
import-issue-at-line-column = Line { $line }, column “{ $column }”: { $problem }
import-issue-unknown-format = This is not a CSV or XLSX file.
import-issue-unknown-encoding = The text in this file cannot be read. Save it again as CSV (UTF-8).
import-issue-empty = The file is empty.
import-issue-no-rows = The file has headings but no data rows.
import-issue-too-many-rows = The file has more than { $max } rows. Please split it.
import-issue-missing-column = This column is missing from the heading row.
import-issue-duplicate-column = Two columns in the file describe the same field.
import-issue-conflicting-organization = This organization is on line { $line } with a different value here.
import-issue-external-id-repeated = The same external id belongs to another organization on line { $line }.
import-issue-name-taken = The new name already belongs to another organization in the initiative.
import-issue-conflicting-person = This person is on line { $line } with different details.
import-issue-person-without-name = Contact details are given without a name.

import-issue-unknown-choice = “{ $value }” is not a known value. You can write: { $choices }.
import-column-organization = Organization
import-column-organization-aliases = organization name, organisation, org, partner
import-column-organization-meaning = The organization's name. Required.
import-column-external_id = External id
import-column-external_id-aliases = id, organization id, org id
import-column-external_id-meaning = The organization's id in your spreadsheet; re-imports recognise it by this, even after a rename.
import-column-sector = Sector
import-column-sector-aliases = organization sector
import-column-sector-meaning = Public, business, third sector, philanthropy or academia.
import-column-organization_type = Type
import-column-organization_type-aliases = organization type, kind
import-column-organization_type-meaning = For example: local authority, school, NGO, foundation, company, college.
import-column-description = Description
import-column-description-aliases = value, contribution, what it brings
import-column-description-meaning = What the organization brings to the initiative.
import-column-website = Website
import-column-website-aliases = web site, url, site
import-column-website-meaning = The web address.
import-column-tags = Tags
import-column-tags-aliases = tag, topics
import-column-tags-meaning = Separated by commas.
import-column-person = Contact person
import-column-person-aliases = contact, contact name, person name, representative, full name
import-column-person-meaning = The name of someone from the organization (optional).
import-column-role_title = Role
import-column-role_title-aliases = role title, job title, position
import-column-role_title-meaning = Their role in the organization.
import-column-email = E-mail
import-column-email-aliases = email address, e-mail address, mail
import-column-email-meaning = Their e-mail address; re-imports recognise the person by it.
import-column-phone = Phone
import-column-phone-aliases = telephone, mobile, phone number
import-column-phone-meaning = Their phone number.

## Access

access-lead = Who can see and change the initiative. The backbone team manages everything; a partner editor keeps their own organization and its people up to date; a member reads and takes part; a viewer only reads, without contact details.
access-empty = No user has a role in this initiative yet.
access-grant = Grant access
access-grant-lead = The user needs an existing account (the instance admin opens accounts). A new role replaces any earlier role in this initiative.
access-grant-button = Grant access
access-revoke = Revoke the access of { $name }
access-revoke-short = Revoke
access-this-is-you = (you)
access-revoke-confirm = Revoke this access? The user will no longer be able to open the initiative.
hint-access-email = The account's e-mail address.
hint-access-organization = For a partner editor only: the organization they edit for.
field-role = Role in the initiative
field-user-name = Name
role-backbone = Backbone team
role-partner_editor = Partner editor
role-member = Member
role-viewer = Viewer

## Users

users-new = New account
users-create = Open the account
users-created = Opened
field-is-admin = Instance admin (creates initiatives and accounts)
hint-password = At least 10 characters.

## History

history-lead = Every change in the initiative: who made it, when, and what changed.
history-empty = No changes recorded yet.
history-system = The system
history-change = { $field }: “{ $before }” → “{ $after }”
history-create-record = Created: { $name }
history-update-record = Updated: { $name }
history-delete-record = Deleted: { $name }
history-create-initiative = Created the initiative { $name }
history-update-initiative = Updated the initiative { $name }
history-create-organization = Added the organization { $name }
history-update-organization = Updated the organization { $name }
history-delete-organization = Deleted the organization { $name }
history-create-person = Added { $name }
history-update-person = Updated the details of { $name }
history-delete-person = Deleted { $name }
history-create-body = Added the body { $name }
history-update-body = Updated the body { $name }
history-delete-body = Deleted the body { $name }
history-create-membership = Seated { $name } in the body: { $body }
history-update-membership = Updated the seat of { $name } in the body: { $body }
history-delete-membership = Removed the seat of { $name } from the body: { $body }
history-create-role = Granted access: { $name }
history-update-role = Changed access: { $name }
history-delete-role = Revoked access: { $name }
audit-field-name = Name
audit-field-sector = Sector
audit-field-organization_type = Type of organization
audit-field-description = Description
audit-field-website = Website
audit-field-tags = Tags
audit-field-external_id = External id
audit-field-role_title = Role
audit-field-email = E-mail
audit-field-phone = Phone
audit-field-organization_id = Organization (number)
audit-field-organization_name = Organization
audit-field-kind = Kind of body
audit-field-mandate = Mandate
audit-field-cadence = Cadence
audit-field-goal = Goal
audit-field-role = Role
audit-field-from = From
audit-field-to = Until
audit-field-person_id = Person (number)
audit-field-person_name = Person
audit-field-parent_id = Parent initiative

## Messages after an action

flash-saved = Your changes were saved.
flash-deleted = Deleted. The details remain in the change history.
flash-initiative-created = The initiative was created.
flash-organization-created = The organization was added.
flash-person-created = The person was added.
flash-body-created = The body was added. You can now add its members.
flash-membership-added = Added to the body.
flash-membership-removed = The seat was removed.
flash-role-granted = Access was granted.
flash-role-revoked = Access was revoked.
flash-user-created = The account was opened.

## Errors

error-unauthenticated = Please sign in to continue.
error-bad-credentials = The e-mail address or the password is wrong.
error-too-many-attempts = Too many sign-in attempts.
error-too-many-attempts-explained = For security, signing in is paused for a while. Please try again in { $minutes } minutes.
error-forbidden = You are not allowed to do this.
error-forbidden-explained = Your role in the initiative does not allow it. The backbone team can change roles.
error-form-expired = The form has expired.
error-form-expired-explained = The form was opened before you signed in again (perhaps in another window), so nothing was saved. Go back in your browser and send it again.
error-not-found = Page not found.
error-not-found-explained = The link may be wrong, or the record was deleted.
error-invalid = Some fields need correcting.
error-invalid-explained = Please check the details and try again.
error-import-refused = The file was not imported, and nothing was saved.
error-bad-request = The request is not valid.
error-conflict-explained = Please check the details and try again.
error-internal = Something went wrong.
error-internal-explained = The fault was recorded. Please try again in a moment.
conflict-in-use = This cannot be done while other records depend on it.
conflict-organization-has-people = The organization still has people. Move them to another organization or delete them first.
conflict-wrong-initiative = The record belongs to another initiative.

conflict-own-role = You cannot change or revoke your own access. Another member of the backbone team, or the instance admin, can.
invalid-required = Required.
invalid-too-long = Too long: at most { $max } characters.
invalid-email = This is not a valid e-mail address, for example name@example.org.
invalid-phone = This is not a phone number: 7 to 15 digits, spaces and dashes allowed.
invalid-web-address = This is not a web address, for example www.example.org.
invalid-date = This is not a valid date.
invalid-date-order = The end date is before the start date.
invalid-choice = Please choose one of the options.
invalid-range = Enter a whole number between { $min } and { $max }.
invalid-incomplete = The other half is missing: a number and a unit of time go together.
invalid-taken = Already exists in this initiative.
invalid-password-too-short = The password is too short: at least { $min } characters.
invalid-cycle = An initiative cannot be placed under itself.
invalid-unknown = No account has this address.
invalid-overlap = This person already holds a seat in this body for these dates.
