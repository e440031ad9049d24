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
import-format-csv-windows-1256 = CSV, Windows-1256 encoding (Arabic)
import-format-csv-windows-1251 = CSV, Windows-1251 encoding (Russian)
import-format-csv-windows-1252 = CSV, Windows-1252 encoding (Western European)
import-encoding = Encoding of a CSV file
import-encoding-hint = Leave "detect" unless the letters came out wrong last time. A workbook (XLSX) needs no choice.
import-encoding-detect = Detect from the file
import-encoding-wrong = Letters look wrong?
import-encoding-again = Upload the file again and choose its encoding.
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
hint-access-organization = A partner editor edits for this organization (required). A member may name it too: they then speak for it on the agenda, without editing it.
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
error-too-many-attempts-explained = For security, signing in from here is paused for a while. Please try again in { $minutes ->
        [0] { $seconds } seconds
        [1] a minute
       *[other] { $minutes } minutes
    }. Someone who knows the password can still sign in from their own device.
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
error-method-not-allowed = This address only receives forms. Go back to the page you came from and use its form.
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
invalid-date-time = This is not a date and time, such as 2027-01-10 17:00 (or it is an hour the clocks skip when summer time starts).
invalid-date-order = The end date is before the start date.
invalid-choice = Please choose one of the options.
invalid-range = Enter a whole number between { $min } and { $max }.
invalid-incomplete = The other half is missing: a number and a unit of time go together.
invalid-taken = Already exists in this initiative.
invalid-password-too-short = The password is too short: at least { $min } characters.
invalid-cycle = An initiative cannot be placed under itself.
invalid-unknown = No account has this address.
invalid-unknown-codes = Not found in the initiative: { $codes }.
invalid-overlap = This person already holds a seat in this body for these dates.

## The common agenda

nav-agenda = Common agenda
agenda-nav = Parts of the agenda
agenda-tab-statements = Agenda
agenda-tab-results = Results tree
agenda-tab-glossary = Glossary
agenda-tab-decisions = Decision log
agenda-tab-disputes = Open questions
agenda-tab-endorsements = Endorsements
agenda-tab-field-changes = Changes in the field
agenda-title = The common agenda
agenda-empty = No agenda has been written for this initiative yet.
agenda-write-first = Write the agenda
agenda-revise = Revise the agenda
agenda-revise-lead = Saving a change makes a new version; earlier versions stay as they were and can be compared. Partners who endorsed the current version will show as endorsing an earlier one until they sign the new version.
agenda-save-version = Save as a new version
agenda-problem = Problem definition
agenda-vision = Vision
agenda-vision-year = target: { $name }
agenda-vision-target-year = Target year of the vision
agenda-mission = Mission
agenda-overarching-goal = Overarching goal
agenda-boundaries = Boundaries of the initiative
agenda-no-boundaries = No boundaries have been set yet.
agenda-note = What changed in this version
agenda-version-number = Version { $count }
agenda-version-line = Version { $label }, saved { $date } by { $name }
agenda-versions = All versions
agenda-older-version = This is an earlier version of the agenda.
agenda-see-current = See the current version
agenda-compare = Compare
agenda-compare-from = From version
agenda-compare-to = To version
agenda-compare-title = Version { $from } compared with version { $to }
agenda-compare-lead = Removed words are struck through in red; added words are underlined in green.
agenda-unchanged = unchanged
agenda-changed = changed
agenda-compare-same = Both sides are the same version; pick two different versions to see what changed.
agenda-boundaries-unchanged = The boundaries did not change.
agenda-boundary-added = Added
agenda-boundary-removed = Removed
agenda-boundary-changed = Changed
hint-agenda-problem = What problem the initiative sets out to solve, and for whom.
hint-agenda-overarching-goal = One measurable goal, with a target year.
hint-agenda-boundaries = What is inside the initiative and what is outside — subjects, ages, populations — and why. Empty rows are not saved.
hint-agenda-note = For example: “Added chemistry after the steering committee's decision”.
boundary-dimension = Dimension
boundary-item = What
boundary-scope = In or out
boundary-reason = Why
boundary-dimension-subject = Subject
boundary-dimension-age = Age
boundary-dimension-population = Population
boundary-dimension-other = Other
boundary-scope-in = In scope
boundary-scope-out = Out of scope

results-title = Results tree
results-lead = The mission, goals, levers and action components. Indicators, programs and meetings will point at its nodes, so a node keeps its identity when it moves.
results-empty = The tree is empty.
results-new-top = Add a node at the top
results-new = New node
results-edit = Edit node
results-add-child = Add a node under it
results-add-child-of = Add a node under { $name }
results-breadcrumbs = Above this node in the tree
results-move-hint = Move a node with the buttons beside it (by keyboard too: Tab, then Enter), or drag it with the mouse onto another node.
results-move-up = Move { $name } up
results-move-down = Move { $name } down
results-move-indent = Move { $name } under the node before it
results-move-outdent = Move { $name } out of the node above it
results-move-to = Move elsewhere in the tree
results-new-parent = New parent node
results-top-level = Top of the tree
results-move = Move
results-children = Nodes under it
results-under = Under: { $name }
results-theory-of-change = Theory of change (printable)
results-back-to-tree = Back to the results tree
results-theory-legend = From top to bottom: the mission, the goals, and the levers and action components that lead to them.
results-delete-title = Delete “{ $name }”?
results-delete-explained = The node will be removed from the tree, and decisions' links to it removed. The details stay in the change history.
results-delete-blocked =
    { $count ->
        [one] The node has one node under it. Move or delete it first.
       *[other] The node has { $count } nodes under it. Move or delete them first.
    }
field-result-title = Title
field-result-kind = Level in the tree
field-result-status = Status
field-result-description = Description
field-owner-body = Body in charge
hint-owner-body = For a goal, usually its working group.
field-populations = Target populations
field-other-populations = Other populations
field-subjects = Subjects
field-age-bands = Ages
hint-comma-list = Separated by commas.
result-kind-mission = Mission
result-kind-goal = Goal
result-kind-lever = Lever
result-kind-action_component = Action component
result-status-proposed = Proposed
result-status-agreed = Agreed
result-status-in_progress = In progress
result-status-achieved = Achieved
result-status-dropped = Dropped
population-periphery = Periphery
population-girls = Girls
population-arab_sector = Arab society
population-haredi_sector = Haredi society

glossary-title = Glossary
glossary-lead = The terms the partners agreed on, so that everyone understands them the same way. Each definition has versions, with who proposed it and when it was adopted.
glossary-empty = The glossary is empty.
glossary-not-adopted = No definition adopted yet
glossary-pending =
    { $count ->
        [one] One proposal waits to be adopted
       *[other] { $count } proposals wait to be adopted
    }
glossary-new-term = Propose a new term
glossary-propose-term = Propose the term
glossary-in-force = In force: definition { $count }
glossary-versions = Versions of the definition
glossary-definition-number = Definition { $count }
glossary-adopted = Adopted
glossary-changes-from-previous = Compared with the previous definition
glossary-proposed-line = Proposed by { $name }, { $date }
glossary-adopted-by-line = Adopted on { $date } by { $name }
glossary-adopted-line = Adopted on { $date }
glossary-adopt = Adopt this definition
glossary-adopt-number = Adopt definition { $count }
glossary-propose = Propose a new definition
glossary-rename = Rename the term
glossary-rename-button = Rename
agenda-in-the-name-of = Recorded in the name of { $name }.
glossary-propose-button = Submit the proposal
field-term = Term
field-definition = Definition
hint-definition = In plain words, so that every partner understands it the same way.
field-proposed-by = Proposed by the organization
field-adopted-on = Date adopted
field-adopted-by = Adopted by the body

decisions-title = Decision log
decisions-contested-title = Contested decisions
decisions-lead = The decisions of the initiative's bodies: the network's consensus, formal decisions, and approvals of plans and budgets. A decision can be taken and still stay contested.
decisions-empty = No decisions recorded yet.
decisions-new = Record a decision
decisions-edit = Edit decision
decisions-show-contested = Only contested decisions
decisions-show-all = All decisions
decisions-delete-title = Delete the decision of { $name }?
decisions-delete-explained = The decision will be removed from the log, with the links to it. The details stay in the change history.
decision-title = Decision of { $date }
decision-contested = Contested
decision-contested-explained = The decision was taken, but some partners still dispute it.
decision-touches-results = Touches nodes of the results tree
decision-touches-terms = Touches terms
decision-disputes = Disputes about the decision
field-decided-on = Date
field-decision-text = The decision
field-decision-kind = Kind of decision
field-contested = The decision is contested
decision-kind-consensus = Consensus of the network
decision-kind-formal = Formal decision
decision-kind-approval = Approval of a plan or budget

disputes-title = Open questions and disputes
disputes-lead = What is not agreed yet, who raised it, and the positions. A closed question can be reopened, and keeps its history.
disputes-empty = No open questions.
disputes-new = Raise a question or dispute
disputes-raise = Raise
disputes-positions = Positions
dispute-raised-by = Raised by { $name }
dispute-about-decisions = About the decisions
dispute-no-positions = No positions recorded yet.
dispute-unnamed = Unattributed
agenda-comments-on = Comments on version { $name }
agenda-no-comments = No comments on this version yet.
agenda-add-comment = Add a comment
agenda-add-comment-button = Post the comment
agenda-for-organization = for { $name }
field-comment = Comment
hint-agenda-comment = Your comment appears under your name for everyone in the initiative. The backbone reads it before the next revision.
flash-comment-added = Your comment was added.
dispute-add-position = Add a position
dispute-add-position-button = Add the position
dispute-history = The question's history
dispute-resolve = Mark as resolved
dispute-reopen = Reopen
dispute-edit = Edit the question
dispute-edit-lead = Correct the wording, who raised it and the decisions it is about. Its positions and history stay as they are.
field-question = What is disputed
hint-question = A short question, for example: “Is chemistry within the initiative's boundaries?”
field-raised-by = Raised by
hint-raised-by-sector = If none is chosen, the organization's sector is used.
field-position = Position
field-dispute-status = Status
field-status-note = Explanation
hint-status-note = For example: “Decided at the 4th steering committee”.
hint-reopen-note = Why it is open again; for example: “New matriculation figures call for another discussion”.
dispute-status-open = Open
dispute-status-resolved = Resolved
dispute-status-reopened = Reopened

endorsements-title = Partners' endorsements
endorsements-summary = { $count } of { $total } partners endorsed version { $version } of the agenda; { $older } are still on an earlier version.
endorsements-no-agenda = Once there is an agenda, the partners who endorse it are recorded here.
endorsements-status = Endorsement
endorsements-current = Endorsed version { $name } (current)
endorsements-older = On version { $name } (earlier)
endorsements-none = Not yet
endorsements-also = Also signed
endorsements-record = Record an endorsement
endorsements-record-button = Record the endorsement
endorsements-delete-confirm = Remove this endorsement?
endorsements-delete-of = Remove the endorsement of { $name }
field-version = Agenda version
field-signed-on = Date signed
field-signed-by = Signed by
hint-signed-by = Name and role.

field-changes-title = Changes in the field
field-changes-lead = What organizations do differently because of the common agenda — the sign that the agenda actually steers the work. Changes are grouped by the goal they serve.
field-changes-empty = No changes in the field recorded yet.
field-changes-no-goal = Changes not tied to a goal
field-changes-new = Record a change in the field
field-changes-edit = Edit a change in the field
field-changes-edit-of = Edit the change of { $name }
field-changes-delete-confirm = Delete this change?
field-serves-goal = The goal it serves
field-before = What they did before
hint-before = For example: “A mixed robotics club for 8th grade”.
field-now = What they do now
hint-now = And what changed because of the agenda.
field-noted-on = Date

flash-agenda-saved = A new version of the agenda was saved.
flash-agenda-unchanged = Nothing changed, so no new version was saved.
flash-result-created = The node was added to the tree.
flash-result-moved = The node was moved.
flash-result-no-room = The node is already at that edge; it cannot move further that way.
flash-result-wrong-level = The node cannot go there: results run downward (mission, goals, levers, action components), and a mission heads its own tree.
flash-term-created = The term was added to the glossary as a proposal.
flash-term-renamed = The term was renamed.
flash-definition-proposed = The new definition was added as a proposal.
flash-definition-adopted = The definition was marked as adopted.
flash-decision-created = The decision was recorded.
flash-dispute-raised = The question was recorded.
flash-position-added = The position was added.
flash-dispute-resolved = The question was marked as resolved.
flash-dispute-reopened = The question was reopened.
flash-dispute-status-unchanged = The question already had that status; nothing changed.
flash-endorsement-recorded = The endorsement was recorded.
flash-field-change-recorded = The change was recorded.

conflict-cycle = A node cannot move under itself or under one of its own nodes.
conflict-no-room = The node is already at that edge; it cannot move further that way.
conflict-result-has-children = The node has nodes under it. Move or delete them first.
conflict-transition = Only an open question can be resolved, and only a resolved one reopened.
invalid-already-endorsed = This organization already endorsed that version.
invalid-future = The date is in the future; record what has already happened.
invalid-boundary-row = Boundary row { $line } is incomplete: choose its dimension and whether it is in or out of scope, and write what it is.
invalid-level = This level cannot stand there: results run downward (mission, goals, levers, action components), and a mission heads its own tree.

history-create-agenda_version = Saved version { $name } of the agenda
history-create-result = Added to the tree: { $name }
history-update-result = Updated in the tree: { $name }
history-delete-result = Removed from the tree: { $name }
history-create-term = Added the term: { $name }
history-update-term = Updated the term: { $name }
history-create-decision = Recorded a decision: { $name }
history-update-decision = Updated a decision: { $name }
history-delete-decision = Deleted a decision: { $name }
history-create-dispute = Opened a question: { $name }
history-update-dispute = Updated the question: { $name }
history-create-endorsement = Recorded the endorsement of { $name }
history-delete-endorsement = Removed the endorsement of { $name }
history-create-field_change = Recorded a change in the field by { $name }
history-update-field_change = Updated a change in the field by { $name }
history-delete-field_change = Deleted a change in the field by { $name }
audit-field-title = Title
audit-field-status = Status
audit-field-position = Place in the tree
audit-field-populations = Target populations
audit-field-subjects = Subjects
audit-field-age_bands = Ages
audit-field-owner_body_name = Body in charge
audit-field-text = The decision
audit-field-contested = Contested
audit-field-question = The question
audit-field-decided_on = Date

## Shared measurement

nav-measurement = Shared measurement
measurement-nav = Shared measurement sections
measurement-tab-dashboard = Indicators
measurement-tab-places = Places
measurement-tab-import = Import data
measurement-title = Shared measurement
measurement-lead = Every indicator the partners agreed to track, for the whole initiative: its latest figure, its baseline and target, and whether it is on track.
measurement-empty = No indicators yet. The backbone defines them, and then imports data or lets partners report it.
measurement-no-places = No places yet: import the Ministry's school file under "Import data" to add districts, authorities and schools.
measurement-status-counts = Where the indicators stand
measurement-status-rule = Statuses are judged on complete periods only. Once the target's year has passed: reached or not reached, by the figure of that year. With no complete figure in the last two periods of collection: no recent data. Otherwise on track means at least { $on }% of the progress a straight line from the baseline to the target expects by now (or the target already reached); at risk { $risk }–{ $on }%; off track less, or moving away.
measurement-indicator = Indicator
measurement-latest = Latest
measurement-baseline = Baseline
measurement-target = Target
measurement-targets = Targets
measurement-status = Status
measurement-computed = computed
measurement-no-data = no data yet
measurement-no-data-here = No approved figures here yet.
measurement-all-places = All places
measurement-place = Place
measurement-show = Show
measurement-value = Value
measurement-group = Group
measurement-places-counted = Places counted
measurement-trend-caption = { $name } over time (the legend under the chart names each line)
measurement-compare-caption = The places under { $place }, { $period }
measurement-compare-more = The chart shows the first { $shown } of { $total } places; the table lists them all.
measurement-breakdown-caption = Broken down, { $period }
measurement-target-follows = follows { $place }
measurement-no-targets = No targets yet.
measurement-set-target = Set a target
measurement-target-delete-confirm = Delete this target?
measurement-adds-up-formula = recomputed from its inputs' totals: { $formula }
measurement-adds-up-weighted = weighted mean, weighted by { $weight }
measurement-adds-up-sum = summed
measurement-adds-up-mean = unweighted mean of the places
measurement-adds-up-none = not added up; shown where entered
status-on_track = On track
status-at_risk = At risk
status-off_track = Off track
status-unknown = Not judged yet
indicator-new-title = New indicator
indicator-edit-title = Edit indicator
indicator-delete-title = Delete the indicator { $name }?
indicator-delete-explanation = { $count ->
        [0] It holds no values yet. Its targets are deleted with it.
        [one] Its targets and its one value are deleted with it.
       *[other] Its targets and its { $count } values are deleted with it.
    } The audit log keeps the indicator and every value, so the deletion can be undone from it.
indicator-adding-up = How it is computed and added up
indicator-checks-and-baseline = Checks and baseline
conflict-indicator-in-use = Other indicators read this one (in a formula, as a weight or as a population), so it cannot be deleted or renamed:
conflict-duplicate-value = The same value was given twice.
field-indicator-code = Code
hint-indicator-code = Latin letters, digits and _, starting with a letter; formulas and file headers use it (math5_takers).
field-name-he = Name in Hebrew
field-name-en = Name in English
field-definition-he = Definition in Hebrew
field-definition-en = Definition in English
field-unit = Unit
field-direction = Better is
field-decimals = Decimal places
field-indicator-kind = Kind
field-scale-max = Top of the scale
hint-scale-max = For a rating: the scale runs from 1 to this number (2–10).
field-axis = Measurement axis
field-period-kind = Measured per
field-frequency = Collected
field-measures-result = Measures this result
field-reporting-organization = Reporting organization
hint-reporting-organization = Its partner editors can enter this indicator's values.
field-data-source = Data source
hint-data-source = Where the numbers come from, or the column name in the source file.
field-formula = Formula
hint-formula = Leave empty for an indicator entered directly. For a computed one, use other indicators' codes: math5_takers / students * 100
field-aggregation = Adding up places
hint-aggregation = How schools add up to authorities and districts. A computed indicator always recomputes its formula from totals.
field-weight-code = Weight indicator
field-population-code = Counts the people from
hint-population-code = The indicator counting the individuals behind each figure, for hiding small groups in public reports.
field-breakdowns = Breakdowns
hint-breakdowns = Dimensions separated by commas: gender, sector, grade, or your own.
field-valid-min = Lowest allowed value
field-valid-max = Highest allowed value
field-baseline-value = Baseline value
field-baseline-period = Baseline period
field-period = Period
field-target-value = Target value
field-benchmark-place = Follows the value of
hint-benchmark-place = Instead of a number, the target can follow another place's figure, like the national average.
field-note = Note
period-hint-school-year = A school year: 2021/22, its Hebrew name, or the year it ends in (2022).
period-hint-calendar-year = A year: 2022.
period-hint-quarter = A quarter: 2022-Q3.
period-hint-month = A month: 2022-07.
indicator-unit-count = Count
indicator-unit-percent = Percent
indicator-unit-rate = Rate
indicator-unit-score = Score
indicator-unit-currency = Shekels
indicator-direction-higher = Higher
indicator-direction-lower = Lower
indicator-kind-quantitative = A number
indicator-kind-qualitative = A rating on a scale
measurement-axis-work_plan = Work plan: planned against actual
measurement-axis-infrastructure = Health of the ecosystem's infrastructure
measurement-axis-mapping = Continuous mapping across all ages
frequency-yearly = Yearly
frequency-twice_yearly = Twice a year
frequency-quarterly = Quarterly
frequency-monthly = Monthly
frequency-once = Once
aggregation-sum = Sum
aggregation-weighted_mean = Weighted mean
aggregation-mean = Unweighted mean
aggregation-none = Do not add up
period-kind-school_year = School year
period-kind-calendar_year = Calendar year
period-kind-quarter = Quarter
period-kind-month = Month
place-kind-country = Country
place-kind-district = District
place-kind-authority = Local authority
place-kind-school = School
place-kind-other = Other place
value-state-draft = Draft
value-state-submitted = Submitted
value-state-approved = Approved
value-state-returned = Returned
missing-reason-missing = Not reported
missing-reason-suppressed = Withheld to protect a small group
missing-reason-not_applicable = Does not apply
source-kind-file = File
source-kind-form = Form
source-kind-api = API
source-kind-command_line = Command line
source-kind-demo = Demo
source-kind-meetings = The meetings' record
comparison-at_most = at most
comparison-at_least = at least
dimension-gender = Gender
dimension-gender-female = girls
dimension-gender-male = boys
dimension-sector = Sector
dimension-grade = Grade
invalid-period = Write a period the way this indicator counts them.
invalid-number = Write a number, such as 42 or 12.5.
invalid-formula = Use only indicator codes, numbers, + - * / and brackets.
invalid-formula-reference = The formula names an indicator code this initiative does not have.
invalid-code = Use Latin letters, digits and _, starting with a letter.
invalid-number-order = The highest value is below the lowest.
invalid-out-of-range = Outside the range this indicator allows.
invalid-in-use = Other indicators use this code; change them first.
places-title = Places
places-search = Find a place by name or code
places-search-submit = Find
places-import = Import places
places-path = Where in the hierarchy
places-empty = No places here.
places-count =
    { $count ->
        [one] One place
       *[other] { $count } places
    }
places-name = Name
places-kind = Level
places-code = Code
places-details = Attributes
places-under = Places under it
places-under-of = The places under { $name }
places-children =
    { $count ->
        [one] One place under it
       *[other] { $count } places under it
    }
place-nurture = nurture quintile { $value }
place-ses-cluster = socio-economic cluster { $value }
place-students =
    { $count ->
        [one] one student
       *[other] { $count } students
    }
place-population =
    { $count ->
        [one] one resident
       *[other] { $count } residents
    }
place-periphery = periphery
place-new-title = New place
place-edit-title = Edit place
place-new = Add a place
place-new-here = Add a place under it
field-place-parent = Stands under
hint-place-parent = A school stands under its authority, an authority under its district.
hint-place-code = The official code, if it has one: the semel for a school, the Ministry code for an authority.
field-place-periphery = Periphery
place-delete-title = Delete { $name }?
place-delete-explanation = The place goes from every list and group. Its history stays in the log.
place-delete-blocked = This place still has places under it or values entered for it. Move or delete those first.
place-indicators = Indicators here
place-how = How
place-entered = entered for this place
place-added-up = added up from the places under it
data-import-title = Import data
data-import-lead = Bring in places or values from a CSV or XLSX file. You choose which column means what; nothing is written until the whole file checks out.
data-import-what = What the file holds
data-purpose-places = Places: districts, authorities, schools and their attributes
data-purpose-values = Values of indicators
data-import-no-indicators = There are no indicators yet: define them first, then import their values.
data-import-file-hint = CSV (UTF-8, UTF-16 or Windows-1255) or XLSX, in long form (a row per value) or wide form (a column per indicator).
data-import-next = Continue to the column mapping
data-mapping-title = Map the file's columns
data-file-rows =
    { $count ->
        [one] one row
       *[other] { $count } rows
    }
data-saved-mapping = A mapping saved earlier
data-use-mapping = Use it
data-mapping-heading = Which column holds what
data-layout = The file's shape
data-layout-wide = Wide: a column per indicator
data-layout-long = Long: a row per value, with an indicator column and a value column
data-columns-heading = Columns holding values
data-columns-hint = Pick the indicator each column holds. A factor turns shares of 0–1 into percentages (100). A dimension makes the column a breakdown (gender, sector).
data-sample = First values
data-check-file = Check the file
data-issues-title =
    { $count ->
        [one] One problem in the file
       *[other] { $count } problems in the file
    }
data-issues-nothing-written = Nothing was written. Fix the file or the mapping and check again.
data-ready-title = The file checks out
data-save-mapping-as = Save this mapping as
hint-save-mapping = Optional: a name, to use the same mapping for the next file of this shape.
data-import-confirm = Import
data-preview-places = { $districts } districts, { $authorities } authorities and { $schools } schools will be added or updated.
data-preview-values = { $count } values for { $places } places ({ $missing } of them empty, kept as "not reported").
data-preview-periods = Periods: { $periods }
data-preview-indicators = Indicators: { $indicators }
data-preview-places-skipped =
    { $count ->
        [one] One place the file names is not here; it will be skipped.
       *[other] { $count } places the file names are not here; they will be skipped.
    }
mapping-authority-code-form = The authority code column holds
mapping-code-form-ministry = Ministry of Education authority codes (as in the Ministry's school files)
mapping-code-form-cbs = CBS locality codes (semel yishuv)
hint-code-form-cbs = The Ministry's code for an authority is the CBS code of its locality with one check digit added, so Kesher finds the authority from either.
mapping-update-only = Only add facts to places already here
hint-update-only = Names and the hierarchy stay as they are, and rows for places not here are skipped. Use this for a CBS locality table, which lists every village and town.
data-import-running-title = Importing
data-import-running = The file is being read and checked…
data-import-progress = { $done } of { $total } rows written ({ $percent }%)
data-import-progress-label = Progress
data-import-running-hint = You may leave this page: the import goes on. Nothing is saved until the whole file is in, so the data never holds half a file.
data-import-check-again = Check again
data-import-refused-lead = The data changed after the file was checked, and the file no longer fits it. Nothing was written. Fix the file or the mapping and try again.
data-import-back-to-mapping = Back to the column mapping
data-preview-new-places =
    { $count ->
        [one] One place the file names is not known yet and will be added.
       *[other] { $count } places the file names are not known yet and will be added.
    }
data-issue-missing-column = The mapping needs a column for "{ $field }", and the file has none by that name.
data-issue-cell = { $problem }
data-issue-unknown-place = No place with code or name "{ $value }". Import the places first, or tick "add places the file names".
data-issue-unknown-indicator = No indicator with code "{ $value }".
data-issue-computed-indicator = "{ $value }" is computed from other indicators; import its inputs instead.
data-issue-duplicate = The same value already appears on line { $line }.
data-issue-out-of-range = { $value } is outside the allowed range ({ $min } to { $max }).
data-issue-rule = The rule "{ $left } is at most { $right }" does not hold here.
data-issue-no-rows = The file has no rows of data.
data-import-bad-mapping = The mapping could not be read.
flash-places-imported = The places were imported.
flash-values-imported = The values were imported.
mapping-district = District
mapping-authority-code = Authority code
mapping-authority-name = Authority name
mapping-school-code = School code (semel)
mapping-school-name = School name
mapping-sector = Sector
mapping-supervision = Supervision
mapping-stage = Education stage
mapping-nurture-quintile = Nurture quintile
mapping-students = Students
mapping-ses-index = Socio-economic index
mapping-ses-cluster = Socio-economic cluster
mapping-population = Population
mapping-periphery = Periphery (yes/no)
mapping-grid-x = Coordinate X
mapping-grid-y = Coordinate Y
mapping-place-code = Place code
mapping-place-name = Place name
mapping-period = Period
mapping-indicator = Indicator code (long form)
mapping-value = Value (long form)
mapping-parent-name = Authority of a new place
mapping-columns = Columns holding values
mapping-breakdowns = Breakdown columns
mapping-place-kind = The places the file names are
mapping-not-in-file = — not in this file —
mapping-add-missing-places = Add places the file names that are not known yet (under the authority named in their row, when it is known)
mapping-indicator-column = Indicator
mapping-indicator-of = Indicator in column { $name }
mapping-scale = Factor
mapping-scale-of = Factor for column { $name }
mapping-dimension = Breakdown dimension
mapping-dimension-of = Breakdown dimension of column { $name }
measurement-tab-report = Report values
measurement-tab-approvals = Approvals
report-title = Report values
report-lead-partner = Enter your program's values for the indicators your organization reports. Save them as a draft, or send them to the backbone for approval; they count in the shared figures once approved.
report-lead-backbone = Enter values directly; the backbone's values count at once. Partners' values wait for approval under "Approvals".
report-no-indicators = Your organization does not report any indicator yet. The backbone names the reporting organization of each indicator.
report-period-hint = In the indicator's kind of period: 2025/26, 2026, 2026-Q1 or 2026-03.
report-rows-caption = One row per place: its code (the semel of a school) or its exact name, and the value.
report-place = Place
report-place-of = Place on row { $line }
report-value-of = Value on row { $line }
report-note-of = Note on row { $line }
report-row = Row { $line }
report-send = Send for approval
report-save-draft = Save as a draft
report-save-approved = Save
report-nothing-entered = No row was filled in.
report-source = Values reported through the form
report-pending = Values in progress
report-pending-empty = Nothing waiting: every value you entered has been approved.
report-choose = Choose
report-choose-of = Choose the value of { $name }
report-state = Where it stands
report-comment = Comment
report-send-chosen = Send the chosen values
report-issues-title = Problems in the form
approvals-title = Approvals
approvals-lead = Values partners sent. Check each against its place's earlier values; approve the right ones, and return the others with a comment saying what to fix.
approvals-empty = No values are waiting for approval.
approvals-history = Earlier values here
approvals-source = Sent by
approvals-outlier = unusual
approvals-outlier-rule = "Unusual" marks a value far from its place's own earlier values: a robust z-score above 3.5 over four or more earlier periods; with one to three, more than three times the largest or under a third of the smallest. It also marks a value larger than the figure of the place it stands under. It may still be right.
approvals-comment = Comment for returned values
approvals-comment-hint = Required when returning: what should the partner check or fix?
approvals-approve = Approve the chosen values
approvals-return = Return the chosen values
approvals-comment-needed = Write a comment saying why the values go back.
approvals-pick-values = Choose at least one value.
completeness-title = Who has reported
completeness-empty = No indicator is reported by a partner yet.
completeness-expected = Expected (reported last period)
completeness-received = Received
flash-values-sent = The values were sent for approval.
flash-values-drafted = The values were saved as a draft.
flash-values-approved = The values were approved.
flash-values-returned = The values were returned with your comment.
download-title = Download
download-shown = The figures on this page
download-values = Every approved value of this indicator
download-dhis2 = DHIS2 (dataValueSets JSON)
download-dhis2-all = All values for DHIS2
download-setup = The measurement setup (JSON)
download-section = Section
download-label = Period, place or group
gap-title = Gap between groups
gap-title-of = The gap in { $name }
gap-lead = One group against a reference group over time, each added up over its own places (or its own breakdown cell), and the gap between them in each period.
gap-back = Back to the indicator
gap-open = Compare two groups (the gap)
gap-no-groups = The data does not tell two groups apart yet: it needs a breakdown (gender, sector), or places with a nurture quintile, periphery mark or sector, or a group of places.
gap-group = Group
gap-reference = Reference group
gap-gap = Gap
gap-caption = { $group } (solid) against { $reference } (dashed)
gap-periphery = Periphery
gap-not-periphery = Not periphery
gap-sector = Sector: { $name }
card-settings-title = Public report card
card-settings-lead = Choose the indicators the public may see. The card needs no account: anyone with its address reads it, and it prints on A4. Figures about fewer people than the threshold are hidden, and so are the figures from which they could be worked back.
card-public-at = Published at
card-not-published = Not published: only the backbone sees these settings.
field-card-title = Title
field-card-threshold = Hide figures about fewer people than
hint-card-threshold = At least 1; 10 unless you choose otherwise.
field-card-indicators = Indicators on the card
field-card-published = Published: anyone with the address can read it
card-privacy = Figures about fewer than { $count } people are hidden to protect the students behind them, together with any figure from which they could be worked out.
card-hidden = hidden
card-hidden-note = Some figures are hidden: they describe a small group, or would reveal one.
card-places-caption = By place, { $period }
measurement-tab-setup = Groups and rules
setup-title = Groups and rules
setup-groups = Groups of places
setup-groups-lead = A group gathers places to compare in the gap view: periphery authorities, the schools of one district, a list of schools in a program.
setup-no-groups = No groups yet.
setup-new-group = New group
setup-group-by-attributes = The places that match (every filter given)
setup-under = Under the place
hint-setup-under = A code or exact name, such as a district.
setup-group-by-codes = Or these codes
hint-setup-codes = One per line or separated by commas; when given, the filters above are not used.
setup-create-group = Create the group
setup-rules = Rules between indicators
setup-rules-lead = Every file and form is checked against these rules for each place, period and breakdown: for example, the examinees are at most the students.
setup-no-rules = No rules yet.
setup-create-rule = Add the rule
setup-delete-confirm = Delete it?
setup-delete-of = Delete { $name }
field-group-name = Name
field-group-places = Places
field-rule-left = Indicator
field-rule-comparison = Must be
field-rule-right = Than the indicator

# Figures people can trust: coverage, provisional periods, the status and its reason,
# change and the proof point.
status-reached = Target reached
status-not_reached = Target not reached
status-no_recent_data = No recent data
coverage-expected-previous_period = The places that reported the last complete period
coverage-expected-all_schools = Every school of the initiative
coverage-expected-place_group = The places of a group
coverage-of = { $reported } of { $expected } places ({ $percent }%)
coverage-provisional = { $period }: { $coverage } so far
change-better = better
change-worse = worse
change-flat = no real change
status-reason-no-data = No period has enough of its places reported to judge by yet.
status-reason-no-target = { $value } in { $period }; no target is set to judge it against.
status-reason-target-reached = The target year { $target_period } has passed: { $value } in { $period } reached the target of { $target }.
status-reason-target-missed = The target year { $target_period } has passed: { $value } in { $period } fell short of the target of { $target }.
status-reason-target-passed-without-figure = The target year { $target_period } has passed with no complete figure for it; the newest, { $value }, is from { $period }.
status-reason-stale = The newest complete figure, { $value }, is from { $period }; nothing complete has come in the last two periods before { $current }.
status-reason-trajectory = { $value } in { $period }; on the straight line from the baseline to { $target } in { $target_period } it should be { $expected }.
status-reason-ahead = { $value } in { $period } has already reached the target of { $target } set for { $target_period }.
status-reason-hold = { $value } in { $period }; the target is to hold { $target } through { $target_period }.
measurement-change = Change
measurement-by-goal = Group by goal
measurement-by-axis = Group by axis
measurement-tab-progress = Progress
measurement-trajectory = From the baseline to the target
measurement-coverage = Places reported
measurement-provisional = Provisional
measurement-provisional-note = A provisional period is still below the indicator's coverage threshold: it is drawn as a hollow point on a dashed line, it is never the headline, and the report card does not publish it.
measurement-change-previous = { $arrow } { $change } since the previous period: { $words }.
measurement-change-baseline = { $arrow } { $change } since the baseline: { $words }.
measurement-overflowed = Some figures of this indicator are too large to add up and are left out. Check its values for a number entered with extra digits.
indicator-coverage-and-change = Coverage and change
field-coverage-expected = Who is expected to report
field-coverage-group = The group expected to report
field-coverage-threshold = Coverage threshold (%)
field-no-change-band = "No real change" band
hint-coverage-expected = A figure shows how many of these places reported. By default, the places that reported the last complete period.
hint-coverage-group = Only when the places of a group are expected.
hint-coverage-threshold = Below this share of the expected places a period is provisional. 90 by default.
hint-no-change-band = A change no larger than this, in the indicator's unit, is no real change. Empty: 1% of the baseline.
card-collecting = Data for { $period } is still being collected and is not published yet.
card-incomplete-places = { $count ->
    [one] One place is not listed: too few of its places have reported.
   *[other] { $count } places are not listed: too few of their places have reported.
}
gap-quintile-neediest = the most disadvantaged
gap-quintile-least-needy = the least disadvantaged
gap-rests-on = Places reported
gap-widened = The gap widened from { $from } to { $to } between { $first } and { $last }.
gap-narrowed = The gap narrowed from { $from } to { $to } between { $first } and { $last }.
gap-held = The gap held at about { $to } between { $first } and { $last }.
progress-title = Progress
progress-lead = How many of the initiative's indicators are improving, and where each goal stands. Figures are for the whole initiative, from complete periods only.
progress-proof-point = The proof point
progress-met = Met
progress-not-met = Not met
progress-proof-point-met = { $improving } of { $judged } indicators improving ({ $share }%): the proof point of { $threshold }% is met.
progress-proof-point-not-met = { $improving } of { $judged } indicators improving ({ $share }%): the proof point of { $threshold }% is not met.
progress-unjudged = { $count ->
    [one] One indicator has too little data to compare and is not counted.
   *[other] { $count } indicators have too little data to compare and are not counted.
}
progress-rule = An indicator is improving when its newest complete figure is better than the previous period's and than the baseline, each by more than its "no real change" band (1% of the baseline unless set). Strive's test: a community is on its way when at least 60% of its indicators improve.
progress-goal-no-indicators = No indicator measures this goal yet.
progress-no-goal = Not linked to a goal
progress-open = Progress and the proof point
progress-settings = Proof-point threshold
field-proof-point-threshold = Share of improving indicators that makes the proof point (%)
hint-proof-point-threshold = 60 by default, as Strive sets it.
results-indicators = Indicators measuring this result
data-issue-missing-weight = { $indicator } is a weighted mean: it needs its weight, { $weight }, for the same place and period, in the same batch or already stored.
flash-values-counted = The values were saved and count at once.
report-weight = Weight
report-weight-of = Weight, line { $line }
report-weight-hint = A weighted mean (a rate weighted by its students) needs its weight for each place: write it in the Weight column.
error-bad-json = The request's JSON does not match what this address takes.
json-expected-text = Write text here (in quotes).
json-expected-integer = Write a whole number here.
json-expected-number = Write a number here.
json-expected-boolean = Write true or false here.
json-expected-choice = Write one of the words this field takes (the API's document lists them).
json-expected-other = This field takes { $expected }.
error-not-utf8 = The request is not in UTF-8. Save it as UTF-8 and send it again.
error-too-large = The request is too large.
error-too-large-limit = The request is too large: this address takes at most { $limit }.
error-unsupported-type = This address takes JSON: send the body with Content-Type: application/json.
error-busy = Kesher is busy with a long import.
error-busy-explained = Nothing was saved. Please try again in a few seconds.
nav-my-account = My account
account-title = My account
account-roles = My roles
account-no-roles = You hold no role in any initiative yet. The backbone team of an initiative can give you one.
account-tokens = API tokens
account-tokens-explained = A token lets a script or another system use Kesher's API in your name, with your roles. Give each use its own token, so you can revoke one without stopping the others.
account-no-tokens = You have no API tokens.
token-name = Token name
token-name-hint = What the token is for, such as "the municipal dashboard".
token-created = Created
token-last-used = Last used
token-never-used = Never
token-expires = Expires
token-expired = expired
token-no-expiry = Never
token-revoke = Revoke
token-revoke-named = Revoke "{ $name }"
token-new = New token
token-expires-in-days = Valid for (days)
token-expires-hint = From 1 to 1825 days; a year if left as it is.
token-create = Create token
token-created-once = Your new token is below. Copy it now: it is shown only this once. Send it as the header Authorization: Bearer followed by the token.
flash-token-revoked = The token was revoked; it no longer works.
users-disable = Disable "{ $name }"
users-enable = Enable "{ $name }"
users-status = Status
users-active = Active
users-disabled = Disabled
flash-user-disabled = The account was disabled: its sessions and tokens ended.
flash-user-enabled = The account was enabled again.
conflict-disable-self = You cannot disable your own account.
invalid-control = Holds an invisible or control character (such as a direction override or a zero-width space). Type the text again, or paste it as plain text.
invalid-one-owner = Choose a person or an organization as the owner, not both.
invalid-too-large = Larger than any plausible value: at most 10¹⁵.
measurement-points = { $value } points
approvals-exceeds-parent = more than the place it belongs to
data-preview-disagreements = Breakdowns that do not add up (the file is still accepted; check these places):
data-preview-cells-disagree = { $place }, { $period }, { $indicator }: the { $dimension } cells add up to { $cells }, but the total is { $total }.
data-sample-caption = How { $place } will be stored for { $indicator } in { $period }
data-sample-total = Total
data-sample-total-from-cells = made from its cells
data-sample-missing = missing
mapping-categories = Values of the breakdown
mapping-categories-of = Values of the breakdown in { $name }
mapping-categories-hint = When one breakdown column mixes a total and several groups, say which is which: "Total Cohort = total; Male, Female = gender; Asian, Black = ethnicity; ELL = language". Words such as Total or All (and their Hebrew equivalents) mean the total on their own. A total given in the file is kept; totals are never added across groups.

## People come in: invitations, password resets, the outbox and the messages.
field-language = Language
field-new-password = New password
language-he = Hebrew
language-en = English
hint-new-password = At least 10 characters. A sentence you will remember works well.
hint-invitation-email = The address the invitation goes to. The link in it works once, for seven days.
hint-invitation-language = The language of the message and of the first pages.
hint-invitation-name = Your name as others in the initiative will see it.
invitations-title = Invitations
invitations-lead = Bring people into the initiative yourself: they receive a link by e-mail, choose a name and a password, and arrive with the role you chose.
invitations-new = Invite someone
invitations-send = Send the invitation
invitations-list = Invitations sent
invitations-empty = No invitations have been sent yet.
invitations-status = Status
invitations-expires = Link valid until
invitations-resend = Send again
invitations-resend-for = Send the invitation to { $name } again
invitations-revoke = Revoke
invitations-revoke-for = Revoke the invitation to { $name }
invitations-revoke-confirm = Revoke this invitation? Its link will stop working.
invitations-link = Invite people by e-mail
invitation-status-pending = Waiting
invitation-status-accepted = Accepted
invitation-status-expired = Expired
invitation-status-revoked = Revoked
invitation-accept-title = Join the initiative
invitation-accept-lead = You are invited to take part in { $name }.
invitation-accept-existing = You already have an account with this address. Enter its password to accept.
invitation-accept = Accept and continue
invitation-spent-accepted = This invitation was already accepted. Sign in to continue.
invitation-spent-expired = This invitation's link has expired. Ask the person who invited you to send it again.
invitation-spent-revoked = This invitation was withdrawn. Ask the initiative's team if you think this is a mistake.
flash-invitation-sent = The invitation is on its way.
flash-invitation-revoked = The invitation was revoked; its link no longer works.
flash-password-reset = Your password was changed. Sign in with the new one.
conflict-already-invited = This address already has an invitation waiting. Send it again from the list instead.
conflict-comment-on-old-version = This version has been replaced by a newer one. Comment on the current version instead.
conflict-invitation-spent = This invitation can no longer be used: it was accepted, withdrawn or has expired.
conflict-reset-spent = This link no longer works: it was used already or is more than an hour old. Ask for a new one.
password-forgot = Forgot your password?
password-forgot-title = Reset your password
password-forgot-lead = Enter your account's e-mail address and we will send you a link to choose a new password.
password-forgot-send = Send the link
password-forgot-asked = If an account uses that address, a link is on its way to it. It works once, for one hour.
password-reset-title = Choose a new password
password-reset-save = Save the new password
outbox-title = Outbox
outbox-lead = Every message Kesher sent or is about to send. Without a mail server, messages wait here: open a link to pass it on by hand.
outbox-empty = No messages yet.
outbox-to = To
outbox-subject = Subject
outbox-queued = Queued
outbox-state = State
outbox-link = Link
outbox-follow = Open the link
outbox-sent = Sent
outbox-waiting = Waiting to be sent
outbox-retrying = Not sent yet; will try again
outbox-given-up = Could not be sent
mail-footer = You received this message from Kesher, the workspace of a collective-impact initiative.
mail-link-note = If the button does not work, copy this address into your browser:
mail-test-subject = A test message from Kesher
mail-test-body = The mail settings of the Kesher at { $address } work.
mail-invitation-subject = An invitation to { $initiative }
mail-invitation-heading = You are invited to { $initiative }
mail-invitation-body = { $inviter } invites you to take part in { $initiative } as { $role }.
mail-invitation-expiry = The link works once and expires in { $days } days.
mail-invitation-action = Accept the invitation
mail-reset-subject = Choose a new password for Kesher
mail-reset-body = Hello { $name }, someone asked to reset the password of your account. If it was not you, ignore this message: nothing changes.
mail-reset-expiry = The link works once, for { $minutes } minutes.
mail-reset-action = Choose a new password
mail-email-changed-subject = The e-mail address of your Kesher account changed
mail-email-changed-body = Hello { $name }, your Kesher account now signs in and receives its messages at { $email }. This address will get nothing more from Kesher.
mail-email-changed-not-you = If you did not make this change, tell your initiative's backbone team at once: they can disable the account.
account-email = E-mail address
account-email-lead = Kesher signs you in and writes to you at this address. Your current password confirms the change, and the old address is told of it.
field-new-email = New e-mail address
account-email-save = Change the address
flash-email-changed = Your e-mail address was changed.

## What needs me: the initiative's first page.
needs-title = What needs you
needs-none = Nothing is waiting for you here right now. Thank you — everything is up to date.
told-title = Lately
told-none = Nothing new in the last 30 days.
told-choices = Choose what you are told, and how
need-values-returned =
    { $count ->
        [one] One value was returned to you with a comment: correct it and send it again.
       *[other] { $count } values were returned to you with comments: correct them and send them again.
    }
need-values-awaiting =
    { $count ->
        [one] One value from a partner is waiting for your approval.
       *[other] { $count } values from partners are waiting for your approval.
    }
need-report-due = The { $period } report of “{ $indicator }” is due from your organization.
need-position = Your organization's position is awaited on the open question: { $question }
need-endorse = Version { $version } of the common agenda awaits your organization's endorsement.
need-invitations =
    { $count ->
        [one] One invitation has not been answered yet.
       *[other] { $count } invitations have not been answered yet.
    }

## The account page: one's own details and password.
invalid-wrong-password = This is not your current password.
account-details = Your details
account-details-save = Save your details
account-password = Change your password
account-password-lead = Your other sessions end when the password changes; this one stays signed in.
account-password-save = Change the password
field-current-password = Current password
flash-profile-saved = Your details were saved.
flash-password-changed = Your password was changed. Your other sessions have ended.

## Notifications.
notify-open = Open it in Kesher
notify-unsubscribe = Stop messages about { $kind }
notify-kind-value-returned = values returned to your organization
notify-kind-invitation-accepted = invitations you sent being accepted
notify-value-returned-subject = Values were returned to you
notify-invitation-accepted-subject = An invitation you sent was accepted
notify-value-returned =
    { $count ->
        [one] One value of { $indicator } was returned with a comment: { $comment }
       *[other] { $count } values of { $indicator } were returned with a comment: { $comment }
    }
notify-invitation-accepted = { $name } accepted your invitation and has joined { $initiative }.
mail-digest-subject =
    { $count ->
        [one] One update from Kesher
       *[other] { $count } updates from Kesher
    }
account-notifications = Messages you receive
account-notifications-lead = For each kind of update, choose a message at once, one daily digest, or none.
account-notifications-save = Save your choices
notification-mode-immediate = At once
notification-mode-daily = In a daily digest
notification-mode-off = Not at all
flash-notifications-saved = Your choices were saved.
unsubscribe-title = Stop these messages
unsubscribe-lead = You will no longer receive messages about { $name }. You can turn them on again on your account page.
unsubscribe-button = Stop these messages
unsubscribe-done = Done: no more messages about { $name }.

## Wording-only versions.
agenda-change-kind = What kind of change is this?
agenda-change-substantive = A change of substance: a new version, and every partner is asked to endorse it again.
agenda-change-wording = Wording only (a typo, a clearer phrase): a minor version, and the endorsements stay.
notify-kind-endorsement-needed = agenda versions awaiting your organization's endorsement
notify-endorsement-needed-subject = A new version of the agenda awaits your endorsement
notify-endorsement-needed = Version { $label } of the common agenda of { $initiative } changes its substance. Your organization is asked to endorse it.
notify-kind-question-changed = changes in open questions you stated a position on
notify-question-changed-subject = An open question you took part in changed
notify-question-edited = The open question “{ $question }” was reworded or linked to other decisions.
notify-question-new-position = A new position was stated on the open question “{ $question }”.
notify-question-resolved = The open question “{ $question }” was resolved.
notify-question-reopened = The open question “{ $question }” was reopened.
agenda-version-label = Version { $name }

# Meetings
meeting-name = { $body } { $number }
meeting-plan = Plan a meeting of { $name }
meeting-edit = Change a meeting of { $name }
meeting-edit-button = Change the meeting
meeting-plan-button = Plan a meeting
meetings-title = Meetings
meetings-none = No meetings planned yet.
meeting-agenda = Agenda
meeting-no-agenda = No agenda items yet.
meeting-agenda-item = Item
meeting-item-n = Item { $n }
meeting-presenter = Presenter
meeting-item-minutes = Minutes
meeting-running-total = Running total
meeting-agenda-total = The agenda takes { $planned } of the meeting's { $duration } minutes.
meeting-minutes = { $count ->
    [one] one minute
   *[other] { $count } minutes
}
meeting-attendance = Attendance
meeting-attended-of-invited = { $attended } came; { $invited } were invited.
meeting-invited-count = { $count ->
    [one] One person is invited.
   *[other] { $count } people are invited.
}
meeting-attendance-not-recorded = Attendance is not recorded yet.
meeting-came = Came
meeting-came-label = { $name } came
meeting-came-yes = Yes
meeting-came-no = No
meeting-guest = guest
meeting-add-guest = Someone else who came
hint-meeting-guest = A person of the initiative who was not invited; they are kept as a guest.
meeting-attendance-save = Save the attendance
meeting-save = Save the meeting
field-meeting-starts-at = Date and time
hint-meeting-starts-at = Israel time.
field-meeting-duration = Length in minutes
field-meeting-location = Place or online link
hint-meeting-location = Where people meet, or the link to the online meeting.
field-meeting-objectives = Objectives
hint-meeting-agenda = One item a row, with the minutes it takes and who presents it. The meeting's page adds up the time. The body's current members are invited.
flash-meeting-planned = The meeting is planned; the body's current members are invited.
flash-meeting-saved = The meeting was saved.
flash-attendance-recorded = The attendance was saved.
meetings-when = When
meetings-attendance-column = Came / invited (+ guests)
health-title = Health of the collaboration
health-lead = How the bodies meet, measured from their own meeting records. A dash means there is nothing to measure yet.
health-share = { $percent }% ({ $part } of { $whole })
health-meetings-held = Meetings held
health-attendance = Attendance
health-returning = Came back
health-sectors = Sectors at the table
health-how-title = What each figure means
health-meetings-held-means = Meetings whose attendance was recorded.
health-attendance-means = Of everyone invited to those meetings, the share who came. Guests who came without an invitation are not counted against it.
health-returning-means = Of those who came to a meeting, the share who had also come to the body's previous meeting. The first meeting has nothing to come back to.
health-sectors-means = The sectors of the organizations of everyone who came: a body where only one sector sits misses the others' view.
health-link = Health of the collaboration
meeting-copy-button = Copy to a new meeting
meeting-plan-next-button = Plan the next one, like the last

# Meetings: the record — minutes, decisions, action items and the summary.
decision-meeting = Meeting
decision-at-meeting = meeting { $number }
meeting-summary-print = Printable summary
meeting-summary-title = Summary: { $name }
meeting-present = Present
meeting-carried-title = Open action items from earlier meetings
meeting-carried-lead = Still open when this meeting opens: start by asking where each one stands.
meeting-minutes-title = Record of the discussion
meeting-minutes-not-recorded = Nothing is recorded on the agenda items yet.
meeting-item-notes = What was said and agreed
hint-meeting-notes = Formatting in Markdown: **bold**, *italics*, lists starting with "-". Links open safely; scripts and embedded code are removed.
meeting-item-covered = Discussed as planned
meeting-minutes-save = Save the record
meeting-covered-yes = discussed
meeting-covered-no = not reached
meeting-covered-of-planned = { $covered } of { $planned } agenda items were discussed as planned.
meeting-decisions-title = Decisions
meeting-no-decisions = No decision recorded at this meeting.
meeting-decision-add = Record a decision
hint-meeting-decision = It joins the decision log as this body's decision, dated the meeting's day, with a link back here.
meeting-decision-save = Record the decision
meeting-not-held-yet = This meeting has not taken place yet, so no decision can be recorded for it.
meeting-actions-title = Action items
meeting-no-actions = No action item was given at this meeting.
meeting-action-add = Give an action item
field-action-title = What is to be done
field-action-owner-person = Who carries it (a person)
hint-action-owner = Choose a person, or an organization below: one of the two.
field-action-owner-organization = Or an organization
field-action-due-on = Due
field-action-result = The result it serves
field-action-indicator = The indicator it is meant to move
field-action-note = What was done
meeting-action-save = Give the action item
meeting-summary-title-short = Summary
meeting-summary-sent-on = The summary was sent to everyone invited on { $date }.
meeting-summary-not-sent = The summary has not been sent yet.
hint-meeting-summary = The summary — who came, the record of each item, decisions and action items — goes by e-mail to everyone invited, those who did not come included.
meeting-summary-send = Send the summary
meeting-summary-send-again = Send the summary again
meeting-summary-before-attendance = Record who came before sending the summary.
action-owner = Carried by
action-from-meeting = Given at
action-status = Status
action-overdue = overdue
action-done = done
action-open = open
action-reopen = Open again
action-mark-done = Mark done
actions-title = Action items
actions-mine-title = My action items
actions-lead = What the meetings of the initiative's bodies asked people and organizations to do, open ones first and the most urgent at the top. Late ones are marked.
actions-filters = Which action items
actions-everyone = Everyone's
actions-mine = Mine
actions-open-only = Open ones only
actions-with-done = Done ones too
actions-every-body = Every body
actions-none = No action item here.
actions-overdue-count = { $count ->
    [one] One action item is past its due date.
   *[other] { $count } action items are past their due date.
}
flash-minutes-saved = The record of the discussion was saved.
flash-action-item-added = The action item was given.
flash-summary-sent = The summary is on its way to everyone invited.
flash-action-done = Marked done.
flash-action-reopened = Open again.
need-action-items = { $count ->
    [one] { $overdue ->
        [0] You carry an open action item.
       *[other] You carry an open action item, and it is overdue.
    }
   *[other] { $overdue ->
        [0] You carry { $count } open action items.
        [one] You carry { $count } open action items, one of them overdue.
       *[other] You carry { $count } open action items, { $overdue } of them overdue.
    }
}
need-meeting-ahead = { $body } { $number } meets on { $when }.
mail-meeting-summary-subject = Summary: { $meeting }
mail-meeting-summary-when = Met on { $when }.
mail-meeting-summary-decisions = Decisions:
mail-meeting-summary-actions = Action items:
mail-meeting-summary-action = Open the meeting's page
health-actions-done = Action items done in time
health-agenda-covered = Agenda covered
health-actions-done-means = Of the action items a meeting gave, the share done by the time the body next met. Items of the latest meeting wait for the next one before they count.
health-agenda-covered-means = Of the agenda items of meetings whose discussion was recorded, the share discussed as planned.
body-open-actions = This body's open action items

# Meetings: invitations by e-mail, answers and cancellations.
meeting-answer-yes = Will come
meeting-answer-no = Will not come
meeting-answer-maybe = Perhaps
meeting-answer = Answer
meeting-invitation-title = Invitation
meeting-invitations-not-sent = The invitation has not been sent yet.
meeting-invitations-sent-on = The invitation was last sent on { $date }.
meeting-answers-count = { $yes } will come, { $no } will not, { $maybe } perhaps; { $none } have not answered.
meeting-your-answer = Your answer:
meeting-invitations-send = Send the invitation
meeting-invitations-send-again = Send it again
meeting-cancel = Call the meeting off
hint-meeting-invitations = The invitation goes by e-mail to every invitee with an address: the agenda, an entry their calendar can add, and links to answer. A new time, length or place after it went out is sent to them as an update; calling the meeting off sends a cancellation.
meeting-is-cancelled = This meeting was called off.
meeting-cancelled = This meeting was called off, so it can no longer be changed or sent.
meeting-answer-title = Your answer to the invitation
meeting-answer-lead = Will you come? Choose your answer; you can change it later from the meeting's page or from this message.
meeting-answer-recorded = Your answer to { $meeting } is recorded: { $answer }.
flash-invitations-sent = The invitation is on its way to everyone invited.
flash-meeting-cancelled = The meeting was called off; those invited are told.
flash-answer-saved = Your answer was saved.
mail-meeting-when = { $when } (Israel time), { $minutes } minutes.
mail-meeting-where = Where: { $location }
mail-meeting-open = Open the meeting's page
mail-answer-yes = I will come
mail-answer-no = I will not come
mail-answer-maybe = Perhaps
mail-meeting-invitation-subject = Invitation: { $meeting }, { $when }
mail-meeting-invitation-heading = You are invited to { $meeting }
mail-meeting-update-subject = Updated: { $meeting }, { $when }
mail-meeting-update-heading = { $meeting } has changed
mail-meeting-cancel-subject = Called off: { $meeting }, { $when }
mail-meeting-cancel-heading = { $meeting } is called off
mail-meeting-cancel-body = The meeting will not take place. Your calendar can remove it with the entry attached.

# The initiative's calendar and calendar feeds.
calendar-title = Calendar
calendar-lead = The meetings of every body of the initiative, those to come first. Subscribe to a feed and your own calendar keeps them up to date.
calendar-upcoming = Coming meetings
calendar-none-upcoming = No meeting is planned yet.
calendar-cancelled = called off
calendar-past = Latest meetings
calendar-feeds-title = Subscribe from your calendar
calendar-feeds-lead = A feed is a private address that Google Calendar, Outlook or your phone reads every few hours. Anyone who has the address sees what it holds, so keep it to yourself, and stop it here if it gets out.
calendar-feed-created = Your feed is ready. Copy its address now into your calendar (in Google Calendar: "Other calendars", "From URL"): it is shown only this once.
calendar-feed-address = The feed's address
calendar-feed-revoke = Stop this feed
calendar-feed-create = Create a feed
feed-scope = Which meetings
feed-scope-mine = The meetings I am invited to
feed-scope-initiative = Every meeting of the initiative
feed-scope-body = The meetings of { $name }
flash-feed-revoked = The feed was stopped; its address no longer answers.

# Indicators that follow a health figure.
health-measure-attendance = Attendance
health-measure-returning = Came back
health-measure-actions_done = Action items done in time
health-measure-agenda_covered = Agenda covered
health-follows-title = Indicators fed by these figures
health-follows-lead = An indicator of shared measurement can follow one figure of one body: Kesher writes its value for each period from the meetings held in it, and again after every change to their record. It is then charted, compared with its target and reported like any other.
health-follows-none = No indicator follows these figures yet.
health-follow-indicator = Indicator
health-follow-measure = Figure
health-follow-place = For the place
health-follow-stop = Stop following
health-follow-save = Follow this figure
hint-health-follow = Its values will be computed, not reported: choose an indicator of the ecosystem's infrastructure measured in percent, period by period.
flash-health-indicator-linked = The indicator now follows the figure; its values are written.
flash-health-indicator-unlinked = The indicator no longer follows the figure; its values stay.

health-activity = Keeps its rhythm
health-activity-means = From the body's first meeting until today, the dates its regular rhythm (every so many weeks or months) expected a meeting, and how many had one within half a rhythm. Extra meetings around one date do not make up for a date missed. A dash: the body has no regular rhythm set.

meeting-concerns = Concerns
meeting-concerns-results = The results tree
meeting-concerns-indicators = Indicators
meeting-concerns-questions = Open questions

## Updates and the contact plan
nav-updates = Updates
updates-title = Updates to partners
updates-lead = What the backbone tells the partners: decisions, new figures and meetings ahead. Every update sent is kept here.
updates-none = No update has been sent yet.
updates-back = All updates
update-new = Write an update
update-new-title = New update
update-edit-title = Edit the update
update-template-lead = The text is drafted from what happened since the last update: decisions, new approved figures (with how many places reported) and meetings ahead. Change anything before sending.
update-template-title = Update of { $date }
update-template-decisions = Decisions
update-template-figures = New figures
update-template-meetings = Meetings ahead
update-template-nothing = No decisions, new figures or meetings ahead since the last update.
field-update-title = Title
field-update-text = Text
hint-update-text = Markdown works: ## for a heading, * for a list, **bold**. Links work; code and scripts are removed.
field-update-audience = To
field-update-body = Body
hint-update-body = Only when the update goes to the members of one body.
field-update-people = Chosen people
hint-update-people = Only when the update goes to a list you choose.
update-audience-partners = All partners
update-audience-body = The members of one body
update-audience-funders = The funding partners
update-audience-custom = A list you choose
update-audience-of-body = Members of { $name }
update-audience-of-people = { $count ->
    [one] One chosen person
   *[other] { $count } chosen people
}
update-save = Save the draft
update-edit = Edit
update-delete = Delete the draft
update-send = { $count ->
    [one] Send to one person
   *[other] Send to { $count } people
}
update-draft = Draft
update-sent-on = Sent
update-sent-line = Sent on { $date }
update-recipients-count = { $count ->
    [one] one recipient
   *[other] { $count } recipients
}
update-will-reach = { $count ->
    [0] The update will reach nobody
    [one] The update will reach one person
   *[other] The update will reach { $count } people
}
update-will-reach-hint = People without an e-mail address, and those who asked to stop receiving updates, are not listed.
update-mail-read-online = Read the update online
update-mail-stop = Stop receiving the initiative's updates
update-already-sent = This update was already sent, so it is kept as sent and cannot be changed or deleted.
update-nobody-to-send = There is nobody to send to: none of the chosen recipients has an e-mail address open to updates.
notify-kind-update = The initiative's updates
flash-update-saved = Draft saved.
flash-update-sent = Update sent.
flash-update-deleted = Draft deleted.
contact-plan-title = Contact plan with the partners
contact-plan-lead = For each partner: why you keep in touch, through which channel and how often. The last contact is counted from the meetings its people attended and the updates they received.
contact-plan-of = Contact plan with { $name }
contact-plan-form-lead = The purpose of contact, the channel and how often. The next date is counted from the last contact.
contact-plan-how = Channel and rhythm
contact-plan-rhythm = { $channel }, { $every }
contact-every-weeks = { $count ->
    [one] every week
   *[other] every { $count } weeks
}
contact-every-months = { $count ->
    [one] every month
   *[other] every { $count } months
}
contact-plan-edit = Edit
contact-plan-set = Set a plan
contact-plan-save = Save the plan
contact-plan-clear = Remove the plan
contact-last = Last contact
contact-next = Next contact
contact-never = No contact yet
contact-standing-no-plan = No plan
contact-standing-never = Get in touch: no contact yet
contact-standing-on-time = On time
contact-standing-due = By { $date }
contact-standing-overdue = Overdue: was due by { $date }
field-contact-purpose = Purpose of contact
hint-contact-purpose = For example: report on the core programs and invite them to the working groups.
field-contact-channel = Channel
field-contact-every = Every
field-contact-unit = Unit
contact-channel-updates = Updates by e-mail
contact-channel-meetings = Meetings of a body
contact-channel-visit = A personal meeting or visit
contact-channel-phone = Phone
contact-channel-email = Personal e-mail
flash-contact-plan-saved = Contact plan saved.
flash-contact-plan-cleared = Contact plan removed.

## The document library
nav-documents = Documents
documents-title = Document library
documents-lead = The documents of the initiative and of each body: presentations, summaries, plans. Every version of a document is kept, and each document says who may see it.
documents-none = No documents yet.
documents-folder-initiative = The initiative's documents
documents-back = All documents
document-add = Add a document
document-upload = Upload
document-latest = Latest version
document-version-number = version { $value }
document-size-mb = { $value } MB
document-size-kb = { $value } KB
document-versions = Versions
document-version = Version
document-size = Size
document-uploaded = Uploaded
document-new-version = A new version of the document
document-upload-version = Upload the version
document-edit = Document details
document-delete = Delete the document and all its versions
document-visibility-initiative = Everyone in the initiative
document-visibility-body = The body's members and the backbone
document-visibility-backbone = The backbone only
document-visibility-of-body = Members of { $name } and the backbone
document-material-of = Material for { $name }
document-of-decision = Belongs to the decision of { $date }
document-of-result = Belongs to { $name }
field-document-title = Title
field-document-description = Description
field-document-folder = Folder
hint-document-folder = The initiative's folder, or one body's.
field-document-visibility = Who sees it
field-document-meeting = Material for a meeting
field-document-decision = Decision
field-document-result = Belongs to a goal or result
field-document-file = File
hint-document-file = Up to 20 MB: a Word, Excel or PowerPoint document (or OpenDocument), a PDF or an image. The kind is checked by the file's content, not its name.
meeting-materials = Materials for the meeting
meeting-materials-none = No materials are attached to this meeting.
meeting-materials-add = Attach a material to the meeting
flash-document-added = The document was added to the library.
flash-document-saved = The document's details were saved.
flash-document-version-added = The new version was saved.
flash-document-deleted = The document was deleted.
invalid-file-kind = The file is not a Word, Excel, PowerPoint, OpenDocument, PDF or image file. Its kind is judged by its content, not its name.
invalid-file-too-big = The file is larger than { $max } MB.
mail-meeting-material = Material for the meeting: { $name }
meeting-capacity = Capacity
meeting-uninvited = Came without an invitation
linked-documents = Documents
meeting-concerns-decisions = Decisions

## Activities: programs and the alignment map
nav-activities = Programs
programs-title = Programs
programs-lead = What each partner runs: the goals each program serves, where it runs and for whom. Each partner keeps its own; everyone in the initiative sees them all.
programs-none = No programs yet.
programs-all = All programs
program-add = Add a program
program-new-title = New program
program-edit-title = Edit program
program-form-lead = A program serves goals of the results tree in places the initiative counts. A program for an authority reaches its schools too.
program-edit = Edit
program-delete = Delete program
program-save = Save program
program-core = Core program
program-reach = Where it runs
program-when = When
program-group = a group of places
program-no-places = No places named yet
program-no-goals = Serves no goal yet
program-places-more = { $count ->
    [one] and one more
   *[other] and { $count } more
}
field-program-organization = Partner
field-program-name = Program name
field-program-description = Description
field-program-results = Goals it serves
field-program-places = Places it reaches
field-program-place-codes = Places by code
field-program-groups = Groups of places
field-program-indicators = Its own output measures
field-program-populations = Target populations
field-program-subjects = Subjects
field-program-age-bands = Age bands
field-program-core = A core program of the initiative
field-program-starts = Starts on
field-program-ends = Ends on
hint-program-description = What happens in it and with whom, in a sentence or two.
hint-program-results = Tick the goals, levers or action components the program works toward.
hint-program-places = Tick the districts, authorities or schools it runs in. A place reaches everything under it.
hint-program-place-codes = School symbols (the Ministry's institution code) or authority codes, separated by commas or lines. Leading zeros and spaces do not matter.
hint-program-populations = For example periphery, girls, arab_sector, haredi_sector, or your own words, separated by commas.
hint-program-subjects = For example mathematics, robotics.
hint-program-age-bands = For example 7–9 or upper secondary.
hint-program-core = One of the two or three programs the initiative relies on for a goal.
hint-program-indicators = Indicators the program reports about itself, such as participants reached.
flash-program-saved = The program was saved.
flash-program-deleted = The program was deleted.
alignment-title = Alignment map
alignment-lead = Who works toward which goal, and where: the gaps no program covers and the places where several programs serve one goal. A program reaches the places it names and everything under them.
alignment-filters = Filter the programs counted
alignment-level = Places at the level of
alignment-include-ended = Count programs that have ended
alignment-counted = Counting { $counted } of { $total } programs, from { $partners } partners.
alignment-gaps = Gaps
alignment-gaps-lead = Goals still pursued, target populations the goals name, and the lowest places (schools, or an authority with no schools listed) that no counted program serves.
alignment-goals-without = Goals without programs
alignment-populations-without = Target populations without programs
alignment-places-without = Places without programs
alignment-places-without-count = { $count ->
    [one] One place has no program.
   *[other] { $count } places have no program.
}
alignment-first-shown = { $count ->
    [one] The first is listed.
   *[other] The first { $count } are listed.
}
alignment-programs-without-goals = Programs that serve no goal
alignment-none-missing = None: every one is served.
alignment-overlaps = Overlaps
alignment-overlaps-lead = Places where two or more programs serve the same goal: worth coordinating, not necessarily a problem.
alignment-no-overlaps = No place has two programs for the same goal.
alignment-place = Place
alignment-goal = Goal
alignment-partners-by-goal = Partners and goals
alignment-cells-lead = How many of each partner's programs serve each goal. A dash means none.
alignment-places-by-goal = Places and goals
alignment-places-lead = How many programs reach each place, or a place under it, for each goal.
alignment-no-places = The initiative has no places yet; add them under shared measurement.
alignment-gap = No program
alignment-map = Map of the places
alignment-map-caption = { $count ->
    [one] One place with known coordinates, by the programs that reach it
   *[other] { $count } places with known coordinates, by the programs that reach them
}
alignment-programs-count = { $count ->
    [0] no programs
    [one] one program
   *[other] { $count } programs
}
alignment-key-one = Reached
alignment-key-overlap = Two or more programs for one goal
alignment-key-gap = None (hollow)
alignment-map-table = The table of places and goals above holds the same figures.
filter-all = All

## The work plan
work-plan-title = Work plan
work-plan-of-year = Work plan { $year }
work-plan-lead = The year's plan in one table: each goal's levers and action components, who carries each out, its budget planned and spent, where it stands and its milestones; beside it the programs serving each goal that year.
work-plan-years = School years
plan-kind-multi_year = Multi-year plan
plan-kind-annual = Annual plan
plan-item-status-planned = Planned
plan-item-status-in_progress = In progress
plan-item-status-done = Done
plan-item-status-dropped = Dropped
plan-approved = Approved
plan-draft = Draft
plan-version = { $count ->
    [one] version 1
   *[other] version { $count }
}
plan-approving-decision = the approving decision
plan-none = There is no annual plan for this year yet.
plan-budget = Budget by goal
plan-rows = Rows
plan-spent = Spent
plan-total = Total
plan-actual-of-rows = ({ $part } of { $whole } rows reported)
plan-no-goal = Rows under no goal
plan-executor = Carried out by
plan-executor-body = a body
plan-late = late
plan-report = Report
plan-report-save = Save the report
plan-milestones = Milestones
milestone-add = Add a milestone
milestone-done = Mark done
milestone-reopen = Open again
field-milestone-title = Milestone
field-milestone-due = Due on
plan-row-delete = Remove row
plan-programs = Programs serving this goal this year
plan-actions = Plan the year
plan-row-add = Add a row
plan-approve = Approve the plan
plan-no-approving-decision = To approve the plan, record the leading team's or the steering committee's decision in the decision log first.
plan-new-version = Start a new version
plan-draft-next-year = Draft next year's plan from this one
plan-draft-from-last-year = Draft it from last year's plan and the multi-year plan
plan-create = Create a plan
plan-multi-year = The multi-year plan
plan-rows-count = { $count ->
    [one] one row
   *[other] { $count } rows
}
field-plan-result = Goal, lever or action component
field-plan-title = What is done
field-plan-organization = Organization carrying it out
field-plan-body = Body carrying it out
field-plan-program = Program
field-plan-planned = Budget planned
field-plan-actual = Budget spent
field-plan-status = Status
field-plan-notes = Notes
field-plan-decision = Approving decision
field-plan-kind = Kind of plan
field-plan-name = Name of the plan
field-plan-first-year = First school year
field-plan-last-year = Last school year
hint-plan-title = Only when the node's title does not say it.
hint-plan-executor = An organization or a body, not both.
hint-plan-shekels = Whole shekels, for example 120,000.
hint-plan-decision = A decision of the leading team or the steering committee from the decision log.
hint-plan-year = For example 2026/27, or the Hebrew year.
hint-plan-last-year = For a multi-year plan.
flash-plan-saved = The plan was saved.
flash-plan-drafted = Next year's plan was drafted. Check it and approve it.
flash-plan-reported = The report was saved.
flash-plan-approved = The plan was approved.
nav-work-plan = Work plan
need-plan-rows-late = { $count ->
    [one] A row of this year's work plan is late: a milestone has passed.
   *[other] { $count } rows of this year's work plan are late: their milestones have passed.
}
need-milestone-ahead = Work plan milestone “{ $name }” is due on { $date }.

## Commitments and joint funding requests
nav-commitments = Commitments and funding
commitments-title = Partners' commitments
commitments-lead = A partner commits money, people or activity to a goal, in an amount that can be checked, by a date. Here you see who committed to what, and what was kept, with the evidence.
commitments-filters = Filter the commitments
commitments-none = No commitments match the filter.
commitments-all = All commitments
commitment-add = New commitment
commitment-new-title = New commitment
commitment-edit-title = Edit commitment
commitment-edit = Edit
commitment-delete = Delete the commitment
commitment-save = Save the commitment
commitment-form-lead = Write a promise that can be checked: how much, for what, by when. Every partner sees it, and if you choose, so does the initiative's public report card.
field-commitment-organization = Partner
field-commitment-result = Goal
hint-commitment-result = The goal, lever or action component the commitment serves.
field-commitment-kind = Kind of commitment
field-commitment-promise = The promise
hint-commitment-promise = One sentence, e.g.: 20 engineers will mentor 40 classes in the periphery.
field-commitment-amount = Amount
hint-commitment-amount = A whole number: shekels for money, people for people, or the activity's units.
field-commitment-unit = Unit of activity
hint-commitment-unit = For an activity: what is counted (workshops, hours of training). Not needed for money or people.
field-commitment-due = By
field-commitment-visibility = Who sees it
hint-commitment-visibility = Public: also on the public report card. Partners only: only people with a role in the initiative.
commitment-kind-money = Money
commitment-kind-people = People
commitment-kind-activity = Activity
commitment-visibility-public = Public
commitment-visibility-partners = Partners only
commitment-fulfilment-open = Not reported yet
commitment-fulfilment-fulfilled = Kept
commitment-fulfilment-partly = Partly kept
commitment-fulfilment-not_fulfilled = Not kept
commitment-standing = Standing
commitment-standing-open = Open
commitment-standing-overdue = Date passed, not reported
commitment-standing-fulfilled = Kept
commitment-standing-partly = Partly kept
commitment-standing-not-fulfilled = Not kept
commitment-people = { $count ->
    [one] one person
   *[other] { $count } people
}
commitment-delivered-of = Delivered: { $name }
commitment-report-title = Report on it
commitment-report-lead = Say whether the commitment was kept, how much was delivered and what shows it. Without evidence it cannot be reported kept or not kept.
field-fulfilment-status = Was it kept
field-fulfilment-delivered = How much was delivered
hint-fulfilment-delivered = In the commitment's own unit.
field-fulfilment-evidence = Evidence
hint-fulfilment-evidence = What shows it: a report, an attendance list, a transfer confirmation.
field-fulfilment-evidence-url = Link to the evidence
commitment-evidence-link = Evidence
commitment-reported-on = Reported on
commitment-report-save = Save the report
flash-commitment-saved = The commitment is saved.
flash-commitment-reported = The report is saved.
flash-commitment-deleted = The commitment is deleted.
card-commitments = Partners' commitments
card-commitments-lead = What the partners committed to give, by when, and what was kept.
funding-title = Joint funding requests
funding-lead = A partner submits one request that every funding organization reads in one place, instead of asking each apart. Each funder marks its interest and an amount, and everyone sees how much of the request is covered.
funding-funders-see = Funders' answers, amounts and notes are seen by funders only.
funding-others-see = You see how much of each request is covered; who gave how much stays among the funders.
funding-none = No funding requests yet.
funding-all = All requests
funding-add = New funding request
funding-new-title = New funding request
funding-edit-title = Edit funding request
funding-edit = Edit
funding-delete = Delete the request
funding-save = Save the request
funding-form-lead = Describe what the money is for and what it will change. Every funder in the initiative will see the request.
field-funding-organization = Requesting partner
field-funding-title = Title
field-funding-description = What the money is for
hint-funding-description = What will be done, with whom and where, and what will change.
field-funding-amount = Amount requested
hint-funding-amount = In shekels, a whole number.
field-funding-results = Goals the request serves
field-funding-needed-by = Needed by
field-funding-status = Request status
hint-funding-status = Close the request once it is funded or no longer needed; a closed request takes no answers.
funding-request-status-open = Open
funding-request-status-closed = Closed
funding-coverage = Covered
funding-covered = { $funders ->
    [0] Nothing pledged yet of { $requested }
    [one] { $pledged } of { $requested } ({ $percent }%) pledged by one funder
   *[other] { $pledged } of { $requested } ({ $percent }%) pledged by { $funders } funders
}
funding-your-answer = Your answer
funding-not-answered = Not answered yet
funding-answers = Funders' answers
funding-no-answers = No funder has answered yet.
funding-answer-title = Your organization's answer
funding-answer-save = Save the answer
field-pledge-organization = Funder
field-pledge-interest = Interest
field-pledge-amount = Amount you pledge
hint-pledge-amount = In shekels; only when interested.
field-pledge-note = Note to the other funders
hint-pledge-note = Conditions, timing or questions. Only funders see it.
funding-interest-interested = Interested, pledging
funding-interest-considering = Considering
funding-interest-declined = Not taking part
flash-funding-saved = The request is saved.
flash-funding-deleted = The request is deleted.
flash-pledge-saved = Your answer is saved.
programs-hsds-download = Download the programs directory (Open Referral)
programs-hsds-hint = A JSON file in the Open Referral standard (HSDS): the organizations, their programs, the schools they run at and the areas they serve, for use in another services directory.

## Contribution
contribution-title = Contribution to the indicators
contribution-lead = For each population indicator: which programs and commitments claim to move it, where they work and what their own measures show. A program or a commitment counts here when it serves the node of the results tree the indicator measures, or a node under it.
contribution-graph-caption = Partners, programs, goals and indicators, with the figures on the links between them
contribution-graph-hint = Solid line: a program that runs, with the latest figure of its output measure; dotted line: a commitment, with the amount promised; between a goal and an indicator: the indicator's latest figure. The same figures are in the tables below.
contribution-none = No indicator is linked to the results tree yet.
contribution-measures = Measures
contribution-headline = Latest figure:
contribution-no-figure = No figure yet
contribution-nobody = No program or commitment serves what this indicator measures yet.
contribution-what = Program or commitment
contribution-serves = Serves
contribution-shows = What its own measures show
contribution-kind-program = Program
contribution-kind-commitment = Commitment
contribution-no-outputs = The program has no output measure of its own yet
contribution-unlinked = Indicators not linked to the results tree
contribution-unlinked-hint = What contributes to them cannot be told until each is linked to a goal, lever or action component in its settings.
field-program-funding = Funding sources
hint-program-funding = One line per source: who funds it, a colon, then the amount in shekels. For example: Oren Foundation: 120,000
program-funding-total = { $amount } from { $count ->
    [one] one source
   *[other] { $count } sources
}
need-commitments-overdue = { $count ->
    [one] A commitment is past its date and nobody has reported whether it was kept.
   *[other] { $count } commitments are past their date and nobody has reported whether they were kept.
}
programs-import-title = Import programs from a spreadsheet
programs-import-lead = One row per program, in a CSV or Excel file. Every row is checked as the form checks it: if any row has a problem nothing is saved, and every problem is listed by line and column.
programs-import-columns = Required columns: partner (by its name in the initiative) and name. Optional: description, goals (by their titles in the results tree, comma-separated), place codes, populations, subjects, age bands, core (yes/no), starts and ends (YYYY-MM-DD), funding ("source: amount; source: amount").
programs-import-file = The file
programs-import-send = Import
programs-import-refused = The file was not imported and nothing was saved. These are the problems:
flash-programs-imported = The programs in the file were added.
mapping-program-partner = Partner
mapping-program-name = Program name
