### Kesher — כל המילים של המוצר בעברית. עברית היא שפת ברירת המחדל.
### כל מזהה כאן קיים גם בקובץ האנגלי (בדיקה אוטומטית שומרת על כך).

## המסגרת

app-name = קשר
skip-to-content = דילוג לתוכן הראשי
switch-language = English
nav-account = חשבון ושפה
nav-users = משתמשים
signed-in-as = מחובר/ת בתור { $name }
sign-out = יציאה
nav-initiative = ניווט ביוזמה
nav-overview = תמונת מצב
nav-organizations = ארגונים
nav-people = אנשי קשר
nav-bodies = גופים
nav-seating = מי יושב איפה
nav-import = ייבוא רשימת שותפים
nav-access = הרשאות
nav-history = היסטוריית שינויים
footer-text = קשר — מרחב העבודה של יוזמות אימפקט קולקטיבי בחינוך מדעי-טכנולוגי.
back-home = חזרה לדף הבית
save = שמירה
cancel = ביטול
delete = מחיקה
delete-confirm = כן, למחוק
actions = פעולות
edit = עריכה
back = חזרה
yes = כן
no = לא
choice-all = הכול
choice-none = ללא
choice-pick = יש לבחור…
form-has-errors = יש לתקן את השדות הבאים לפני השמירה:

## כניסה

sign-in-title = כניסה לקשר
sign-in-lead = יש להזין את כתובת הדוא״ל והסיסמה שקיבלת מצוות השדרה.
sign-in = כניסה
field-email = דוא״ל
field-password = סיסמה

## דף הבית

home-title = היוזמות שלי
home-empty = עדיין אין לך גישה לאף יוזמה. צוות השדרה של היוזמה יכול להוסיף אותך.
initiative-new = יוזמה חדשה
initiative-edit = עריכת פרטי היוזמה
initiative-part-of = חלק מ: { $name }
initiative-parent = היוזמה היא קהילה מקומית של:
initiative-children = קהילות מקומיות ברשת
field-initiative-name = שם היוזמה
field-initiative-description = תיאור קצר
hint-initiative-description = משפט או שניים: מי שותף, ולמה.
field-parent = יוזמת אם
hint-parent = ברשת ארצית, כל קהילה מקומית היא יוזמה בפני עצמה תחת הרשת.

## תמונת מצב

overview-at-a-glance = הרשת במבט אחד
overview-representatives = אנשי קשר
overview-by-sector = ארגונים ונציגים לפי מגזר
overview-by-type = ארגונים ונציגים לפי סוג ארגון
overview-share = חלק יחסי

## ארגונים

organization-new = הוספת ארגון
organization-edit = עריכת הארגון
organization-people = אנשי הקשר בארגון
organization-no-people = עדיין לא נרשמו אנשי קשר בארגון הזה.
organization-seats = חברות בגופי היוזמה
organization-delete-title = למחוק את { $name }?
organization-delete-explained = הארגון יימחק מהיוזמה. אפשר למחוק רק ארגון שאין בו אנשי קשר; הפרטים נשמרים בהיסטוריית השינויים.
organization-delete-blocked =
    { $count ->
        [one] בארגון יש איש קשר אחד. יש להעביר אותו לארגון אחר או למחוק אותו, ואז אפשר יהיה למחוק את הארגון.
       *[other] בארגון יש { $count } אנשי קשר. יש להעביר אותם לארגון אחר או למחוק אותם, ואז אפשר יהיה למחוק את הארגון.
    }
organizations-found = 
    { $count ->
        [0] לא נמצאו ארגונים
        [one] נמצא ארגון אחד
       *[other] נמצאו { $count } ארגונים
    }
filter-organizations = סינון ארגונים
filter-people = סינון אנשי קשר
filter-text = חיפוש
filter-apply = סינון
filter-clear = ניקוי הסינון
field-organization = ארגון
field-organization-name = שם הארגון
field-sector = מגזר
field-organization-type = סוג הארגון
field-organization-description = מה הארגון מביא ליוזמה
hint-organization-description = הערך הייחודי של הארגון: ידע, תקציב, אנשים, קשרים, מקום.
field-website = אתר אינטרנט
hint-website = למשל www.example.org
field-tags = תגיות
field-tag = תגית
hint-tags = מופרדות בפסיק, למשל: רובוטיקה, בנות, פריפריה
field-external-id = מזהה חיצוני
hint-external-id = המזהה של הארגון בגיליון שלכם, אם יש. בייבוא חוזר לפיו מזוהה הארגון.

sector-public = ציבורי
sector-business = עסקי
sector-third_sector = מגזר שלישי
sector-philanthropy = פילנתרופיה
sector-academia = אקדמיה

organization-type-ministry = משרד ממשלתי
organization-type-local_authority = רשות מקומית
organization-type-government_agency = גוף ממשלתי
organization-type-school = בית ספר
organization-type-ngo = עמותה
organization-type-foundation = קרן
organization-type-company = חברה עסקית
organization-type-university = אוניברסיטה
organization-type-college = מכללה
organization-type-museum = מוזיאון
organization-type-research_institute = מכון מחקר
organization-type-other = אחר

## אנשי קשר

person-new = הוספת איש/אשת קשר
person-edit = עריכת פרטי איש/אשת הקשר
person-seats = חברות בגופים
person-delete-title = למחוק את { $name }?
person-delete-explained = הרשומה תימחק יחד עם החברות בגופים, והפרטים יישמרו בהיסטוריית השינויים. מי שסיים/ה תפקיד בגוף אבל נשאר/ה ברשת — עדיף לרשום תאריך סיום לחברות.
people-found = 
    { $count ->
        [0] לא נמצאו אנשי קשר
        [one] נמצא איש קשר אחד
       *[other] נמצאו { $count } אנשי קשר
    }
field-person = איש/אשת קשר
field-person-name = שם
field-role-title = תפקיד
hint-role-title = התפקיד בארגון, למשל: מנהלת תכניות
field-phone = טלפון
hint-phone = למשל 050-1234567

## גופים וחברות

bodies-lead = ועדת ההיגוי, הצוות המוביל, קבוצות העבודה ושאר הגופים של היוזמה, עם מספר החברים בהם היום והערות על הרכבם.
bodies-empty = עדיין לא הוגדרו גופים ביוזמה.
bodies-active-seats = חברים כיום
bodies-advice = הערות להרכב
body-new = הוספת גוף
body-edit = עריכת הגוף
body-members = חברי הגוף
body-no-members = עדיין אין חברים בגוף הזה.
body-active-count =
    { $count ->
        [one] חבר/ה אחד/ת כיום
       *[other] { $count } חברים כיום
    }
body-advice-title = הערות על הרכב הגוף
body-delete-title = למחוק את { $name }?
body-delete-explained = 
    { $count ->
        [one] הגוף יימחק יחד עם החברות היחידה בו. הפרטים נשמרים בהיסטוריית השינויים.
       *[other] הגוף יימחק יחד עם { $count } החברויות בו. הפרטים נשמרים בהיסטוריית השינויים.
    }
field-body = גוף
field-body-name = שם הגוף
field-body-kind = סוג הגוף
field-mandate = מנדט
hint-mandate = על מה הגוף אחראי ומה הוא מחליט.
field-cadence = תדירות מפגשים
field-cadence-text = במילים
hint-cadence = למשל: אחת לחודש, בימי שלישי אחר הצהריים
field-cadence-every = כל כמה
hint-cadence-every = לתזכורות וללוח השנה: כל כמה שבועות או חודשים הגוף נפגש.
field-cadence-unit = יחידת זמן
field-goal = היעד שהגוף משרת
hint-goal = לקבוצת עבודה: היעד של היוזמה שעליו היא אמונה.
cadence-every-weeks =
    { $count ->
        [one] כל שבוע
        [two] כל שבועיים
       *[other] כל { $count } שבועות
    }
cadence-every-months =
    { $count ->
        [one] כל חודש
        [two] כל חודשיים
       *[other] כל { $count } חודשים
    }
cadence-unit-weeks = שבועות
cadence-unit-months = חודשים

body-kind-steering_committee = ועדת היגוי
body-kind-leading_team = צוות מוביל
body-kind-working_group = קבוצת עבודה
body-kind-planning_forum = פורום תכנון
body-kind-coalition = קואליציה
body-kind-cluster = אשכול
body-kind-advisory_board = ועדה מייעצת
body-kind-subcommittee = ועדת משנה
body-kind-backbone_team = צוות השדרה

membership-role-chair = יו״ר
membership-role-co_chair = יו״ר משותף/ת
membership-role-member = חבר/ה
membership-role-facilitator = מנחה
membership-role-observer = משקיף/ה

membership-new = הוספת חבר/ה לגוף
membership-add = הוספה לגוף
membership-edit = עריכת חברות
membership-edit-of = עריכת החברות של { $name }
membership-delete = הסרת החברות
membership-delete-confirm = להסיר את החברות? אם האדם סיים את תפקידו בגוף, עדיף לרשום תאריך סיום.
field-membership-role = תפקיד בגוף
field-from = מתאריך
field-to = עד תאריך
hint-from = ריק — מהקמת הגוף
hint-to = ריק — עדיין חבר/ה
field-seat-status = מצב
seat-active = פעיל/ה
seat-ended = סיים/ה
seat-upcoming = יצטרף/תצטרף
seats-empty = אין חברות בגופי היוזמה.
warning-no-chairs = לקבוצת העבודה אין יו״ר. מומלץ שני יושבי ראש משותפים: מומחה/ית תוכן ונציג/ת הרשות.
warning-too-many-chairs = לקבוצת העבודה { $count } יושבי ראש. מומלץ לא יותר משניים.
warning-no-chair-on-steering = אף אחד מיושבי הראש של הקבוצה אינו חבר בוועדת ההיגוי, ולכן לקבוצה אין קול במקום שבו מתקבלות ההחלטות.
warning-size-outside-advice = בקבוצה { $count } חברים (לא כולל משקיפים). מומלץ בין { $min } ל-{ $max }.
## מי יושב איפה

seating-lead = כל איש או אשת קשר שחברים היום בגוף אחד לפחות, והתפקיד בכל גוף.
seating-empty = עדיין אין אף אחד בגופי היוזמה.
seating-caption = { $count } אנשי קשר לפי גופים
seating-no-seat = אינו/ה חבר/ה
seating-unseated =
    { $count ->
        [one] איש קשר אחד אינו חבר היום באף גוף.
       *[other] { $count } אנשי קשר אינם חברים היום באף גוף.
    }

## ייבוא

import-lead = אפשר להעלות את רשימת השותפים שכבר מנוהלת בגיליון: קובץ CSV (בכל קידוד נפוץ, כולל Windows-1255 של אקסל ישן) או XLSX. לפני שמשהו נשמר תוצג בדיקה של כל שורה.
import-file = קובץ הגיליון
import-file-hint = CSV או XLSX, עד 10 מגה-בייט. שורה ראשונה: כותרות העמודות.
import-check = בדיקת הקובץ
import-columns = העמודות שהייבוא מכיר
import-columns-lead = כל שורה היא ארגון, ואפשר לצרף אליה איש/אשת קשר אחד/ת מהארגון. ארגון שמופיע בכמה שורות (שורה לכל איש קשר) מספיק לפרט פעם אחת.
import-column-heading = כותרת
import-column-also = גם נקראת
import-column-meaning = משמעות
import-rules = רק עמודת הארגון חובה; לארגון חדש נדרשים גם מגזר וסוג. תא ריק אינו מוחק ערך קיים. ייבוא חוזר של אותו קובץ אינו משנה דבר: ארגונים מזוהים לפי המזהה החיצוני או לפי השם, ואנשי קשר לפי הדוא״ל או לפי השם בארגון.
import-preview-title = בדיקת הקובץ
import-file-name = קובץ
import-format = סוג הקובץ
import-format-xlsx = גיליון XLSX
import-format-csv-utf8 = CSV בקידוד UTF-8
import-format-csv-utf16 = CSV בקידוד UTF-16
import-format-csv-windows-1255 = CSV בקידוד Windows-1255 (עברית של אקסל ישן)
import-format-csv-windows-1256 = CSV בקידוד Windows-1256 (ערבית)
import-format-csv-windows-1251 = CSV בקידוד Windows-1251 (רוסית)
import-format-csv-windows-1252 = CSV בקידוד Windows-1252 (מערב אירופה)
import-encoding = קידוד קובץ CSV
import-encoding-hint = יש להשאיר "זיהוי אוטומטי", אלא אם האותיות יצאו משובשות בפעם הקודמת. בגיליון XLSX אין צורך לבחור.
import-encoding-detect = זיהוי אוטומטי מתוך הקובץ
import-encoding-wrong = האותיות נראות משובשות?
import-encoding-again = אפשר להעלות את הקובץ שוב ולבחור את הקידוד שלו.
import-rows = שורות נתונים
import-ignored-columns = העמודות הבאות אינן מוכרות לייבוא ולכן לא נקראו: { $name }
import-refused =
    { $count ->
        [one] הקובץ לא יובא: נמצאה בעיה אחת.
       *[other] הקובץ לא יובא: נמצאו { $count } בעיות.
    }
import-nothing-written = דבר לא נשמר. אפשר לתקן את הגיליון ולהעלות אותו שוב.
import-issues = הבעיות בקובץ
import-line = שורה
import-column = עמודה
import-problem = הבעיה
import-try-again = העלאת קובץ מתוקן
import-plan = מה הייבוא יעשה
import-plan-rows = השינויים שורה אחר שורה
import-record = רשומה
import-change = שינוי
import-change-create = חדש
import-change-update = עדכון
import-change-unchanged = ללא שינוי
import-created = חדשים
import-updated = מעודכנים
import-unchanged = ללא שינוי
import-confirm = אישור הייבוא
import-nothing-to-change = הקובץ תואם את מה שכבר שמור. אין מה לייבא.
import-done-title = הייבוא הושלם
import-done-lead = כל השורות נשמרו.
import-file-too-big = הקובץ גדול מדי. אפשר לייבא קובץ של עד 10 מגה-בייט.
import-no-file = לא נבחר קובץ.
import-issue-at-line = שורה { $line }: { $problem }
import-issue-at-line-column = שורה { $line }, עמודה „{ $column }”: { $problem }
import-issue-unknown-format = זה אינו קובץ CSV או XLSX.
import-issue-unknown-encoding = לא ניתן לקרוא את הטקסט בקובץ. יש לשמור אותו מחדש כ-CSV ‏(UTF-8).
import-issue-empty = הקובץ ריק.
import-issue-no-rows = בקובץ יש כותרות אבל אין שורות נתונים.
import-issue-too-many-rows = בקובץ יותר מ-{ $max } שורות. יש לפצל אותו.
import-issue-missing-column = חסרה עמודה זו בשורת הכותרות.
import-issue-duplicate-column = שתי עמודות בקובץ מתארות את אותו שדה.
import-issue-conflicting-organization = הארגון מופיע כבר בשורה { $line } עם ערך אחר כאן.
import-issue-external-id-repeated = אותו מזהה חיצוני כבר שייך לארגון אחר בשורה { $line }.
import-issue-name-taken = השם החדש כבר שייך לארגון אחר ביוזמה.
import-issue-conflicting-person = איש הקשר מופיע כבר בשורה { $line } עם פרטים אחרים.
import-issue-person-without-name = יש פרטי איש קשר בלי שם.

import-issue-unknown-choice = הערך „{ $value }” אינו מוכר. אפשר לכתוב: { $choices }.
import-column-organization = ארגון
import-column-organization-aliases = שם ארגון, שם הארגון, ארגון שותף, שותף
import-column-organization-meaning = שם הארגון. חובה.
import-column-external_id = מזהה חיצוני
import-column-external_id-aliases = מזהה, מספר ארגון, קוד ארגון
import-column-external_id-meaning = המזהה של הארגון בגיליון שלכם; לפיו מזוהה הארגון בייבוא חוזר, גם אם שמו השתנה.
import-column-sector = מגזר
import-column-sector-aliases = סקטור
import-column-sector-meaning = ציבורי, עסקי, מגזר שלישי, פילנתרופיה או אקדמיה.
import-column-organization_type = סוג ארגון
import-column-organization_type-aliases = סוג, סוג הארגון
import-column-organization_type-meaning = למשל: רשות מקומית, בית ספר, עמותה, קרן, חברה עסקית, מכללה.
import-column-description = תיאור
import-column-description-aliases = תרומה, ערך, מה הארגון מביא
import-column-description-meaning = מה הארגון מביא ליוזמה.
import-column-website = אתר
import-column-website-aliases = אתר אינטרנט, כתובת אתר
import-column-website-meaning = כתובת אתר האינטרנט.
import-column-tags = תגיות
import-column-tags-aliases = תגית, תחומים
import-column-tags-meaning = מופרדות בפסיק.
import-column-person = איש קשר
import-column-person-aliases = שם איש קשר, אשת קשר, נציג, נציגה, שם הנציג, שם מלא
import-column-person-meaning = שם איש/אשת הקשר מהארגון (לא חובה).
import-column-role_title = תפקיד
import-column-role_title-aliases = תפקיד בארגון
import-column-role_title-meaning = התפקיד של איש הקשר בארגון.
import-column-email = דוא״ל
import-column-email-aliases = דואל, דוא"ל, אימייל, מייל, דואר אלקטרוני
import-column-email-meaning = כתובת הדוא״ל; לפיה מזוהה איש הקשר בייבוא חוזר.
import-column-phone = טלפון
import-column-phone-aliases = נייד, טלפון נייד, מספר טלפון
import-column-phone-meaning = מספר הטלפון.

## הרשאות

access-lead = מי יכול לראות ולערוך את היוזמה. צוות השדרה מנהל הכול; עורך/ת מטעם שותף מעדכן/ת את הארגון שלו/ה ואת אנשיו; חבר/ה קורא/ת ולוקח/ת חלק; צופה קורא/ת בלבד, בלי פרטי קשר.
access-empty = לאף משתמש עדיין אין תפקיד ביוזמה.
access-grant = מתן הרשאה
access-grant-lead = המשתמש צריך חשבון קיים (מנהל/ת המערכת פותח/ת חשבונות). הרשאה חדשה מחליפה הרשאה קודמת באותה יוזמה.
access-grant-button = מתן ההרשאה
access-revoke = ביטול ההרשאה של { $name }
access-revoke-short = ביטול ההרשאה
access-this-is-you = (זה את/ה)
access-revoke-confirm = לבטל את ההרשאה? המשתמש לא יוכל עוד להיכנס ליוזמה.
hint-access-email = כתובת הדוא״ל של החשבון.
hint-access-organization = עורך/ת מטעם שותף עורך/ת בשם הארגון הזה (חובה). גם לחבר/ה אפשר לציין ארגון: אז הוא/היא מדבר/ת בשמו בסדר היום המשותף, בלי לערוך אותו.
field-role = תפקיד ביוזמה
field-user-name = שם
role-backbone = צוות השדרה
role-partner_editor = עורך/ת מטעם שותף
role-member = חבר/ה
role-viewer = צופה

## משתמשים

users-new = חשבון חדש
users-create = פתיחת החשבון
users-created = נפתח
field-is-admin = מנהל/ת מערכת (פותח/ת יוזמות וחשבונות)
hint-password = לפחות 10 תווים.

## היסטוריה

history-lead = כל שינוי ביוזמה: מי שינה, מתי, ומה השתנה.
history-empty = אין עדיין שינויים רשומים.
history-system = המערכת
history-change = { $field }: „{ $before }” ← „{ $after }”
history-create-record = נוצר: { $name }
history-update-record = עודכן: { $name }
history-delete-record = נמחק: { $name }
history-create-initiative = נוצרה היוזמה { $name }
history-update-initiative = עודכנו פרטי היוזמה { $name }
history-create-organization = נוסף הארגון { $name }
history-update-organization = עודכן הארגון { $name }
history-delete-organization = נמחק הארגון { $name }
history-create-person = נוסף/ה { $name }
history-update-person = עודכנו הפרטים של { $name }
history-delete-person = נמחק/ה { $name }
history-create-body = נוסף הגוף { $name }
history-update-body = עודכן הגוף { $name }
history-delete-body = נמחק הגוף { $name }
history-create-membership = { $name } צורף/ה לגוף: { $body }
history-update-membership = עודכנה החברות של { $name } בגוף: { $body }
history-delete-membership = הוסרה החברות של { $name } בגוף: { $body }
history-create-role = ניתנה הרשאה: { $name }
history-update-role = שונתה ההרשאה: { $name }
history-delete-role = בוטלה ההרשאה: { $name }
audit-field-name = שם
audit-field-sector = מגזר
audit-field-organization_type = סוג הארגון
audit-field-description = תיאור
audit-field-website = אתר
audit-field-tags = תגיות
audit-field-external_id = מזהה חיצוני
audit-field-role_title = תפקיד
audit-field-email = דוא״ל
audit-field-phone = טלפון
audit-field-organization_id = ארגון (מספר)
audit-field-organization_name = ארגון
audit-field-kind = סוג הגוף
audit-field-mandate = מנדט
audit-field-cadence = תדירות
audit-field-goal = יעד
audit-field-role = תפקיד
audit-field-from = מתאריך
audit-field-to = עד תאריך
audit-field-person_id = איש קשר (מספר)
audit-field-person_name = איש קשר
audit-field-parent_id = יוזמת אם

## הודעות אחרי פעולה

flash-saved = השינויים נשמרו.
flash-deleted = נמחק. הפרטים נשמרו בהיסטוריית השינויים.
flash-initiative-created = היוזמה נוצרה.
flash-organization-created = הארגון נוסף.
flash-person-created = נוסף/ה לאנשי הקשר.
flash-body-created = הגוף נוסף. עכשיו אפשר לצרף אליו חברים.
flash-membership-added = נוסף/ה לגוף.
flash-membership-removed = החברות הוסרה.
flash-role-granted = ההרשאה ניתנה.
flash-role-revoked = ההרשאה בוטלה.
flash-user-created = החשבון נפתח.

## שגיאות

error-unauthenticated = יש להיכנס כדי להמשיך.
error-bad-credentials = כתובת הדוא״ל או הסיסמה שגויות.
error-too-many-attempts = יותר מדי ניסיונות כניסה.
error-too-many-attempts-explained = מטעמי אבטחה הכניסה מכאן מושהית לזמן קצר. אפשר לנסות שוב בעוד { $minutes ->
        [0] { $seconds } שניות
        [1] דקה
       *[other] { $minutes } דקות
    }. מי שיודע את הסיסמה עדיין יכול להיכנס מהמכשיר שלו.
error-forbidden = אין לך הרשאה לפעולה הזאת.
error-forbidden-explained = התפקיד שלך ביוזמה אינו מאפשר זאת. צוות השדרה יכול לשנות את ההרשאות.
error-form-expired = הטופס פג תוקף.
error-form-expired-explained = הטופס נפתח לפני כניסה מחודשת למערכת (אולי בחלון אחר), ולכן דבר לא נשמר. אפשר לחזור בדפדפן לדף הקודם ולשלוח אותו שוב.
error-not-found = הדף לא נמצא.
error-not-found-explained = ייתכן שהקישור שגוי או שהרשומה נמחקה.
error-invalid = יש שדות שצריך לתקן.
error-invalid-explained = יש לבדוק את הפרטים ולנסות שוב.
error-import-refused = הקובץ לא יובא, ודבר לא נשמר.
error-bad-request = הבקשה אינה תקינה.
error-method-not-allowed = הכתובת הזאת מקבלת רק טפסים. אפשר לחזור לדף הקודם ולהשתמש בטופס שבו.
error-conflict-explained = יש לבדוק את הפרטים ולנסות שוב.
error-internal = אירעה תקלה.
error-internal-explained = התקלה נרשמה. אפשר לנסות שוב בעוד רגע.
conflict-in-use = לא ניתן לבצע את הפעולה כי יש רשומות אחרות שתלויות בה.
conflict-organization-has-people = בארגון עדיין יש אנשי קשר. יש להעביר אותם לארגון אחר או למחוק אותם קודם.
conflict-wrong-initiative = הרשומה שייכת ליוזמה אחרת.

conflict-own-role = אי אפשר לשנות או לבטל את ההרשאה של עצמך. חבר/ה אחר/ת בצוות השדרה, או מנהל/ת המערכת, יכולים לעשות זאת.
invalid-required = שדה חובה.
invalid-too-long = ארוך מדי: עד { $max } תווים.
invalid-email = זו אינה כתובת דוא״ל תקינה, למשל name@example.org.
invalid-phone = זה אינו מספר טלפון: 7 עד 15 ספרות, אפשר עם רווחים ומקפים.
invalid-web-address = זו אינה כתובת אתר, למשל www.example.org.
invalid-date = זה אינו תאריך תקין.
invalid-date-time = זה אינו תאריך ושעה, כמו 2027-01-10 17:00 (או שזו שעה שמדלגים עליה במעבר לשעון קיץ).
invalid-date-order = תאריך הסיום מוקדם מתאריך ההתחלה.
invalid-choice = יש לבחור אחת מהאפשרויות.
invalid-range = יש להזין מספר שלם בין { $min } ל-{ $max }.
invalid-incomplete = חסר החלק השני: מספר ויחידת זמן נרשמים יחד.
invalid-taken = כבר קיים ביוזמה.
invalid-password-too-short = הסיסמה קצרה מדי: לפחות { $min } תווים.
invalid-cycle = יוזמה אינה יכולה להיות תחת עצמה.
invalid-unknown = לא נמצא חשבון עם כתובת זו.
invalid-unknown-codes = לא נמצא ביוזמה: { $codes }.
invalid-overlap = לאדם הזה כבר יש חברות בגוף הזה בתאריכים האלה.

## המצע המשותף

nav-agenda = מצע משותף
agenda-nav = חלקי המצע
agenda-tab-statements = מצע
agenda-tab-results = עץ תוצאות
agenda-tab-glossary = מילון מונחים
agenda-tab-decisions = יומן החלטות
agenda-tab-disputes = שאלות פתוחות
agenda-tab-endorsements = אישורי שותפים
agenda-tab-field-changes = שינויים בשטח
agenda-title = המצע המשותף
agenda-empty = עדיין לא נכתב מצע ליוזמה.
agenda-write-first = כתיבת המצע
agenda-revise = עדכון המצע
agenda-revise-lead = שמירה של שינוי יוצרת גרסה חדשה; הגרסאות הקודמות נשמרות כפי שהיו, ואפשר להשוות ביניהן. שותפים שאישרו את הגרסה הנוכחית יופיעו כמי שאישרו גרסה קודמת, עד שיאשרו את החדשה.
agenda-save-version = שמירה כגרסה חדשה
agenda-problem = הגדרת הבעיה
agenda-vision = חזון
agenda-vision-year = יעד: { $name }
agenda-vision-target-year = שנת היעד של החזון
agenda-mission = משימה
agenda-overarching-goal = מטרת על
agenda-boundaries = גבולות היוזמה
agenda-no-boundaries = עדיין לא הוגדרו גבולות.
agenda-note = מה השתנה בגרסה זו
agenda-version-number = גרסה { $count }
agenda-version-line = גרסה { $label }, נשמרה ב־{ $date } על ידי { $name }
agenda-versions = כל הגרסאות
agenda-older-version = זו גרסה קודמת של המצע.
agenda-see-current = לגרסה הנוכחית
agenda-compare = השוואה
agenda-compare-from = מגרסה
agenda-compare-to = לגרסה
agenda-compare-title = השוואה בין גרסה { $from } לגרסה { $to }
agenda-compare-lead = מילים שנמחקו מסומנות בקו חוצה באדום, ומילים שנוספו מסומנות בקו תחתון בירוק.
agenda-unchanged = ללא שינוי
agenda-changed = שונה
agenda-compare-same = בשני הצדדים אותה גרסה; יש לבחור שתי גרסאות שונות כדי לראות מה השתנה.
agenda-boundaries-unchanged = הגבולות לא השתנו.
agenda-boundary-added = נוסף
agenda-boundary-removed = הוסר
agenda-boundary-changed = שונה
hint-agenda-problem = מה הבעיה שהיוזמה באה לפתור, ולמי.
hint-agenda-overarching-goal = מטרה אחת, מדידה, עם שנת יעד.
hint-agenda-boundaries = מה בתוך היוזמה ומה מחוצה לה — מקצועות, גילים, אוכלוסיות — ולמה. שורות ריקות לא נשמרות.
hint-agenda-note = למשל: „הוספנו את הכימיה בעקבות ההחלטה בוועדת ההיגוי“.
boundary-dimension = תחום
boundary-item = מה
boundary-scope = בפנים או בחוץ
boundary-reason = למה
boundary-dimension-subject = מקצוע
boundary-dimension-age = גיל
boundary-dimension-population = אוכלוסייה
boundary-dimension-other = אחר
boundary-scope-in = בתוך היוזמה
boundary-scope-out = מחוץ ליוזמה

results-title = עץ התוצאות
results-lead = המשימה, היעדים, המנופים ורכיבי הפעולה. מדדים, תכניות ומפגשים יתייחסו לצמתים בעץ, ולכן צומת שומר על זהותו גם כשמזיזים אותו.
results-empty = העץ עדיין ריק.
results-new-top = הוספת צומת בראש העץ
results-new = צומת חדש בעץ
results-edit = עריכת הצומת
results-add-child = הוספת צומת תחתיו
results-add-child-of = הוספת צומת תחת { $name }
results-breadcrumbs = מעל הצומת הזה בעץ
results-move-hint = אפשר להזיז צומת בכפתורים שלידו (גם במקלדת: Tab ואז Enter), או לגרור אותו בעכבר אל צומת אחר.
results-move-up = הזזת { $name } למעלה
results-move-down = הזזת { $name } למטה
results-move-indent = הכנסת { $name } תחת הצומת שלפניו
results-move-outdent = הוצאת { $name } מהצומת שמעליו
results-move-to = העברה למקום אחר בעץ
results-new-parent = צומת אב חדש
results-top-level = ראש העץ
results-move = העברה
results-children = צמתים תחתיו
results-under = תחת: { $name }
results-theory-of-change = תאוריית השינוי (להדפסה)
results-back-to-tree = חזרה לעץ התוצאות
results-theory-legend = מלמעלה למטה: המשימה, היעדים, המנופים ורכיבי הפעולה שמובילים אליהם.
results-delete-title = למחוק את „{ $name }“?
results-delete-explained = הצומת יימחק מהעץ, וקישורים של החלטות אליו יוסרו. הפרטים נשמרים בהיסטוריית השינויים.
results-delete-blocked =
    { $count ->
        [one] לצומת יש צומת אחד תחתיו. יש להעביר אותו או למחוק אותו קודם.
       *[other] לצומת יש { $count } צמתים תחתיו. יש להעביר אותם או למחוק אותם קודם.
    }
field-result-title = כותרת
field-result-kind = רמה בעץ
field-result-status = מצב
field-result-description = תיאור
field-owner-body = הגוף האחראי
hint-owner-body = ליעד — בדרך כלל קבוצת העבודה שלו.
field-populations = אוכלוסיות יעד
field-other-populations = אוכלוסיות נוספות
field-subjects = מקצועות
field-age-bands = גילים
hint-comma-list = מופרדים בפסיק.
result-kind-mission = משימה
result-kind-goal = יעד
result-kind-lever = מנוף
result-kind-action_component = רכיב פעולה
result-status-proposed = מוצע
result-status-agreed = מוסכם
result-status-in_progress = בביצוע
result-status-achieved = הושג
result-status-dropped = ירד מהפרק
population-periphery = פריפריה
population-girls = בנות
population-arab_sector = החברה הערבית
population-haredi_sector = החברה החרדית

glossary-title = מילון המונחים
glossary-lead = המונחים שהשותפים הסכימו עליהם, כדי שכולם יבינו אותם אותו דבר. לכל הגדרה יש גרסאות, ומצוין מי הציע ומתי אומצה.
glossary-empty = עדיין אין מונחים במילון.
glossary-not-adopted = עדיין לא אומצה הגדרה
glossary-pending =
    { $count ->
        [one] הצעה אחת ממתינה לאימוץ
       *[other] { $count } הצעות ממתינות לאימוץ
    }
glossary-new-term = הצעת מונח חדש
glossary-propose-term = הצעת המונח
glossary-in-force = בתוקף: הגדרה { $count }
glossary-versions = גרסאות ההגדרה
glossary-definition-number = הגדרה { $count }
glossary-adopted = אומצה
glossary-changes-from-previous = לעומת ההגדרה הקודמת
glossary-proposed-line = הוצעה על ידי { $name }, { $date }
glossary-adopted-by-line = אומצה ב־{ $date } על ידי { $name }
glossary-adopted-line = אומצה ב־{ $date }
glossary-adopt = אימוץ ההגדרה
glossary-adopt-number = אימוץ הגדרה { $count }
glossary-propose = הצעת הגדרה חדשה
glossary-rename = שינוי שם המונח
glossary-rename-button = שינוי השם
agenda-in-the-name-of = יירשם בשם { $name }.
glossary-propose-button = הגשת ההצעה
field-term = מונח
field-definition = הגדרה
hint-definition = במילים פשוטות, כך שכל שותף יבין אותה אותו דבר.
field-proposed-by = מוצע על ידי הארגון
field-adopted-on = תאריך האימוץ
field-adopted-by = הגוף שאימץ

decisions-title = יומן ההחלטות
decisions-contested-title = החלטות שנויות במחלוקת
decisions-lead = ההחלטות של גופי היוזמה: הסכמות של הרשת, החלטות רשמיות ואישורי תכניות ותקציבים. החלטה יכולה להתקבל ועדיין להישאר שנויה במחלוקת.
decisions-empty = עדיין לא נרשמו החלטות.
decisions-new = רישום החלטה
decisions-edit = עריכת ההחלטה
decisions-show-contested = רק החלטות שנויות במחלוקת
decisions-show-all = כל ההחלטות
decisions-delete-title = למחוק את ההחלטה מ־{ $name }?
decisions-delete-explained = ההחלטה תוסר מהיומן, וכך גם הקישורים אליה. הפרטים נשמרים בהיסטוריית השינויים.
decision-title = החלטה מ־{ $date }
decision-contested = שנויה במחלוקת
decision-contested-explained = ההחלטה התקבלה, אך חלק מהשותפים עדיין חולקים עליה.
decision-touches-results = נוגעת בצמתים של עץ התוצאות
decision-touches-terms = נוגעת במונחים
decision-disputes = מחלוקות על ההחלטה
field-decided-on = תאריך
field-decision-text = ההחלטה
field-decision-kind = סוג ההחלטה
field-contested = ההחלטה שנויה במחלוקת
decision-kind-consensus = הסכמה של הרשת
decision-kind-formal = החלטה רשמית
decision-kind-approval = אישור תכנית או תקציב

disputes-title = שאלות פתוחות ומחלוקות
disputes-lead = מה עוד לא מוסכם, מי העלה את השאלה, ומה העמדות. שאלה שנסגרה אפשר לפתוח מחדש, וההיסטוריה שלה נשמרת.
disputes-empty = אין שאלות פתוחות.
disputes-new = העלאת שאלה או מחלוקת
disputes-raise = העלאה
disputes-positions = עמדות
dispute-raised-by = הועלתה על ידי { $name }
dispute-about-decisions = נוגעת להחלטות
dispute-no-positions = עדיין לא נרשמו עמדות.
dispute-unnamed = ללא שיוך
agenda-comments-on = הערות על גרסה { $name }
agenda-no-comments = עדיין אין הערות על הגרסה הזו.
agenda-add-comment = הוספת הערה
agenda-add-comment-button = פרסום ההערה
agenda-for-organization = בשם { $name }
field-comment = הערה
hint-agenda-comment = ההערה מופיעה בשמך לכל המשתתפים ביוזמה. צוות השדרה קורא אותה לפני העדכון הבא של הנוסח.
flash-comment-added = ההערה נוספה.
dispute-add-position = הוספת עמדה
dispute-add-position-button = הוספת העמדה
dispute-history = ההיסטוריה של השאלה
dispute-resolve = סימון כפתורה
dispute-reopen = פתיחה מחדש
dispute-edit = עריכת השאלה
dispute-edit-lead = אפשר לתקן את הניסוח, מי העלה אותה ואת ההחלטות שהיא נוגעת בהן. העמדות וההיסטוריה נשארות כפי שהן.
field-question = מה שנוי במחלוקת
hint-question = ניסוח קצר של השאלה, למשל: „האם הכימיה בתוך גבולות היוזמה?“
field-raised-by = מי העלה
hint-raised-by-sector = אם לא נבחר, ייקבע לפי המגזר של הארגון.
field-position = העמדה
field-dispute-status = מצב
field-status-note = הסבר
hint-status-note = למשל: „הוחלט בוועדת ההיגוי ה־4“.
hint-reopen-note = למה השאלה נפתחה שוב; למשל: „נתוני הבגרות החדשים מחייבים דיון נוסף“.
dispute-status-open = פתוחה
dispute-status-resolved = נפתרה
dispute-status-reopened = נפתחה מחדש

endorsements-title = אישורי השותפים
endorsements-summary = { $count } מתוך { $total } השותפים אישרו את גרסה { $version } של המצע; { $older } עדיין על גרסה קודמת.
endorsements-no-agenda = כשיהיה מצע, כאן יירשמו השותפים שאישרו אותו.
endorsements-status = אישור
endorsements-current = אישר/ה את גרסה { $name } (הנוכחית)
endorsements-older = על גרסה { $name } (קודמת)
endorsements-none = עדיין לא אישר/ה
endorsements-also = אישר/ה גם
endorsements-record = רישום אישור
endorsements-record-button = רישום האישור
endorsements-delete-confirm = להסיר את האישור?
endorsements-delete-of = הסרת האישור של { $name }
field-version = גרסת המצע
field-signed-on = תאריך החתימה
field-signed-by = מי חתם/ה
hint-signed-by = שם ותפקיד.

field-changes-title = שינויים בשטח
field-changes-lead = מה ארגונים עושים אחרת בזכות המצע המשותף — הסימן שהמצע אכן מכוון את העבודה. השינויים מקובצים לפי היעד שהם משרתים.
field-changes-empty = עדיין לא נרשמו שינויים בשטח.
field-changes-no-goal = שינויים שאינם קשורים ליעד
field-changes-new = רישום שינוי בשטח
field-changes-edit = עריכת שינוי בשטח
field-changes-edit-of = עריכת השינוי של { $name }
field-changes-delete-confirm = למחוק את השינוי?
field-serves-goal = היעד שהשינוי משרת
field-before = מה עשו לפני
hint-before = למשל: „חוג רובוטיקה מעורב לכיתות ח׳“.
field-now = מה עושים עכשיו
hint-now = ומה השתנה בזכות המצע.
field-noted-on = תאריך

flash-agenda-saved = נשמרה גרסה חדשה של המצע.
flash-agenda-unchanged = לא היה שינוי, ולכן לא נשמרה גרסה חדשה.
flash-result-created = הצומת נוסף לעץ.
flash-result-moved = הצומת הוזז.
flash-result-no-room = הצומת כבר בקצה, ואין לאן להזיז אותו לכיוון הזה.
flash-result-wrong-level = אי אפשר להעביר את הצומת לשם: התוצאות יורדות מלמעלה למטה (משימה, יעדים, מנופים, רכיבי פעולה), ומשימה עומדת בראש עץ משלה.
flash-term-created = המונח נוסף למילון כהצעה.
flash-term-renamed = שם המונח שונה.
flash-definition-proposed = ההגדרה החדשה נוספה כהצעה.
flash-definition-adopted = ההגדרה סומנה כמאומצת.
flash-decision-created = ההחלטה נרשמה.
flash-dispute-raised = השאלה נרשמה.
flash-position-added = העמדה נוספה.
flash-dispute-resolved = השאלה סומנה כפתורה.
flash-dispute-reopened = השאלה נפתחה מחדש.
flash-dispute-status-unchanged = לשאלה כבר היה המצב הזה; לא השתנה דבר.
flash-endorsement-recorded = האישור נרשם.
flash-field-change-recorded = השינוי נרשם.

conflict-cycle = אי אפשר להעביר צומת אל מתחת לעצמו או לאחד מהצמתים שתחתיו.
conflict-no-room = הצומת כבר בקצה, ואין לאן להזיז אותו לכיוון הזה.
conflict-result-has-children = לצומת יש צמתים תחתיו. יש להעביר אותם או למחוק אותם קודם.
conflict-transition = אפשר רק לסמן שאלה פתוחה כפתורה, או לפתוח מחדש שאלה שנפתרה.
invalid-already-endorsed = הארגון כבר אישר את הגרסה הזאת.
invalid-future = התאריך עוד לא הגיע; כאן רושמים מה שכבר קרה.
invalid-boundary-row = שורת הגבול ה־{ $line } לא מלאה: יש לבחור תחום, לבחור אם זה בפנים או בחוץ, ולכתוב מה.
invalid-level = הרמה הזאת לא יכולה לעמוד כאן: התוצאות יורדות מלמעלה למטה (משימה, יעדים, מנופים, רכיבי פעולה), ומשימה עומדת בראש עץ משלה.

history-create-agenda_version = נשמרה גרסה { $name } של המצע
history-create-result = נוסף לעץ: { $name }
history-update-result = עודכן בעץ: { $name }
history-delete-result = נמחק מהעץ: { $name }
history-create-term = נוסף מונח: { $name }
history-update-term = עודכן המונח: { $name }
history-create-decision = נרשמה החלטה: { $name }
history-update-decision = עודכנה החלטה: { $name }
history-delete-decision = נמחקה החלטה: { $name }
history-create-dispute = נפתחה שאלה: { $name }
history-update-dispute = עודכנה השאלה: { $name }
history-create-endorsement = נרשם אישור של { $name }
history-delete-endorsement = הוסר אישור של { $name }
history-create-field_change = נרשם שינוי בשטח של { $name }
history-update-field_change = עודכן שינוי בשטח של { $name }
history-delete-field_change = נמחק שינוי בשטח של { $name }
audit-field-title = כותרת
audit-field-status = מצב
audit-field-position = מקום בעץ
audit-field-populations = אוכלוסיות יעד
audit-field-subjects = מקצועות
audit-field-age_bands = גילים
audit-field-owner_body_name = הגוף האחראי
audit-field-text = ההחלטה
audit-field-contested = שנויה במחלוקת
audit-field-question = השאלה
audit-field-decided_on = תאריך

## מדידה משותפת

nav-measurement = מדידה משותפת
measurement-nav = חלקי המדידה המשותפת
measurement-tab-dashboard = מדדים
measurement-tab-places = מקומות
measurement-tab-import = ייבוא נתונים
measurement-title = מדידה משותפת
measurement-lead = כל מדד שהשותפים הסכימו לעקוב אחריו, ברמת היוזמה כולה: הנתון העדכני, נקודת המוצא והיעד, והאם הוא בכיוון הנכון.
measurement-empty = עדיין אין מדדים. צוות השדרה מגדיר אותם, ואז מייבא נתונים או מאפשר לשותפים לדווח.
measurement-no-places = עדיין אין מקומות: אפשר לייבא את קובץ בתי הספר של משרד החינוך תחת "ייבוא נתונים", וכך יתווספו מחוזות, רשויות ובתי ספר.
measurement-status-counts = היכן עומדים המדדים
measurement-status-rule = הסטטוס נקבע על פי תקופות שלמות בלבד. אחרי ששנת היעד עברה: הושג או לא הושג, לפי הנתון של אותה שנה. אם אין נתון שלם בשתי תקופות האיסוף האחרונות: אין נתונים עדכניים. אחרת, בכיוון פירושו לפחות { $on }% מההתקדמות שקו ישר מנקודת המוצא אל היעד מצפה לה עד עכשיו (או שהיעד כבר הושג); בסיכון { $risk }–{ $on }%; לא בכיוון: פחות מכך, או התרחקות מהיעד.
measurement-indicator = מדד
measurement-latest = עדכני
measurement-baseline = נקודת מוצא
measurement-target = יעד
measurement-targets = יעדים
measurement-status = מצב
measurement-computed = מחושב
measurement-no-data = אין עדיין נתונים
measurement-no-data-here = אין כאן עדיין נתונים מאושרים.
measurement-all-places = כל המקומות
measurement-place = מקום
measurement-show = הצגה
measurement-value = ערך
measurement-group = קבוצה
measurement-places-counted = מקומות שנספרו
measurement-trend-caption = { $name } לאורך זמן (המקרא שמתחת לתרשים מסביר כל קו)
measurement-compare-caption = המקומות שתחת { $place }, { $period }
measurement-compare-more = התרשים מציג את { $shown } הראשונים מתוך { $total } מקומות; הטבלה מפרטת את כולם.
measurement-breakdown-caption = בפילוח, { $period }
measurement-target-follows = צמוד ל{ $place }
measurement-no-targets = עדיין לא נקבעו יעדים.
measurement-set-target = קביעת יעד
measurement-target-delete-confirm = למחוק את היעד הזה?
measurement-adds-up-formula = מחושב מחדש מסיכומי המדדים שהוא נשען עליהם: { $formula }
measurement-adds-up-weighted = ממוצע משוקלל, לפי { $weight }
measurement-adds-up-sum = סכום
measurement-adds-up-mean = ממוצע פשוט של המקומות
measurement-adds-up-none = לא מסוכם; מוצג במקום שבו הוזן
status-on_track = בכיוון
status-at_risk = בסיכון
status-off_track = לא בכיוון
status-unknown = עדיין אין הערכה
indicator-new-title = מדד חדש
indicator-edit-title = עריכת מדד
indicator-delete-title = למחוק את המדד { $name }?
indicator-delete-explanation = { $count ->
        [0] אין בו עדיין ערכים. היעדים שלו יימחקו יחד איתו.
        [one] היעדים שלו והערך היחיד שלו יימחקו יחד איתו.
       *[other] היעדים שלו וכל { $count } הערכים שלו יימחקו יחד איתו.
    } יומן השינויים שומר את המדד ואת כל הערכים, כך שאפשר לשחזר את המחיקה ממנו.
indicator-adding-up = איך הוא מחושב ומסוכם
indicator-checks-and-baseline = בדיקות ונקודת מוצא
conflict-indicator-in-use = מדדים אחרים נשענים על המדד הזה (בנוסחה, כמשקל או כאוכלוסייה), ולכן אי אפשר למחוק אותו או לשנות את הקוד שלו:
conflict-duplicate-value = אותו ערך נמסר פעמיים.
field-indicator-code = קוד
hint-indicator-code = אותיות לטיניות, ספרות ו-_, ובתחילה אות; בקוד משתמשים בנוסחאות ובכותרות קבצים (math5_takers).
field-name-he = שם בעברית
field-name-en = שם באנגלית
field-definition-he = הגדרה בעברית
field-definition-en = הגדרה באנגלית
field-unit = יחידה
field-direction = טוב יותר כשהוא
field-decimals = ספרות אחרי הנקודה
field-indicator-kind = סוג
field-scale-max = ראש הסולם
hint-scale-max = לדירוג: הסולם נע בין 1 למספר הזה (2–10).
field-axis = ציר מדידה
field-period-kind = נמדד לפי
field-frequency = נאסף
field-measures-result = מודד את התוצאה
field-reporting-organization = הארגון המדווח
hint-reporting-organization = עורכי הארגון יוכלו להזין את ערכי המדד.
field-data-source = מקור הנתונים
hint-data-source = מאין מגיעים המספרים, או שם העמודה בקובץ המקור.
field-formula = נוסחה
hint-formula = להשאיר ריק למדד שמוזן ישירות. למדד מחושב משתמשים בקודים של מדדים אחרים: math5_takers / students * 100
field-aggregation = סיכום מקומות
hint-aggregation = איך בתי הספר מסתכמים לרשויות ולמחוזות. מדד מחושב תמיד מחשב את הנוסחה מחדש מהסיכומים.
field-weight-code = מדד המשקל
field-population-code = סופר את האנשים לפי
hint-population-code = המדד שסופר את האנשים שמאחורי כל נתון, כדי להסתיר קבוצות קטנות בדוחות פומביים.
field-breakdowns = פילוחים
hint-breakdowns = ממדים מופרדים בפסיקים: gender, sector, grade, או ממדים משלכם.
field-valid-min = הערך הנמוך המותר
field-valid-max = הערך הגבוה המותר
field-baseline-value = ערך נקודת המוצא
field-baseline-period = תקופת נקודת המוצא
field-period = תקופה
field-target-value = ערך היעד
field-benchmark-place = צמוד לערך של
hint-benchmark-place = במקום מספר, היעד יכול להיצמד לנתון של מקום אחר, למשל הממוצע הארצי.
field-note = הערה
period-hint-school-year = שנת לימודים: 2021/22, תשפ"ב, או השנה שבה היא מסתיימת (2022).
period-hint-calendar-year = שנה: 2022.
period-hint-quarter = רבעון: ⁦2022-Q3⁩.
period-hint-month = חודש: 2022-07.
indicator-unit-count = מספר
indicator-unit-percent = אחוז
indicator-unit-rate = שיעור
indicator-unit-score = ציון
indicator-unit-currency = ש"ח
indicator-direction-higher = גבוה יותר
indicator-direction-lower = נמוך יותר
indicator-kind-quantitative = מספר
indicator-kind-qualitative = דירוג בסולם
measurement-axis-work_plan = תוכנית העבודה: מתוכנן מול בפועל
measurement-axis-infrastructure = בריאות התשתית של המערכת
measurement-axis-mapping = מיפוי רציף לאורך כל הגילים
frequency-yearly = פעם בשנה
frequency-twice_yearly = פעמיים בשנה
frequency-quarterly = פעם ברבעון
frequency-monthly = פעם בחודש
frequency-once = פעם אחת
aggregation-sum = סכום
aggregation-weighted_mean = ממוצע משוקלל
aggregation-mean = ממוצע פשוט
aggregation-none = ללא סיכום
period-kind-school_year = שנת לימודים
period-kind-calendar_year = שנה קלנדרית
period-kind-quarter = רבעון
period-kind-month = חודש
place-kind-country = ארץ
place-kind-district = מחוז
place-kind-authority = רשות מקומית
place-kind-school = בית ספר
place-kind-other = מקום אחר
value-state-draft = טיוטה
value-state-submitted = נשלח לאישור
value-state-approved = מאושר
value-state-returned = הוחזר לתיקון
missing-reason-missing = לא דווח
missing-reason-suppressed = הוסתר כדי להגן על קבוצה קטנה
missing-reason-not_applicable = לא רלוונטי
source-kind-file = קובץ
source-kind-form = טופס
source-kind-api = ממשק תכנות
source-kind-command_line = שורת הפקודה
source-kind-demo = הדגמה
source-kind-meetings = תיעוד הפגישות
comparison-at_most = לכל היותר
comparison-at_least = לפחות
dimension-gender = מגדר
dimension-gender-female = בנות
dimension-gender-male = בנים
dimension-sector = מגזר
dimension-grade = שכבה
invalid-period = יש לכתוב תקופה כפי שהמדד הזה סופר אותה.
invalid-number = יש לכתוב מספר, למשל 42 או 12.5.
invalid-formula = מותר להשתמש רק בקודים של מדדים, במספרים, ב-‎+ - * /‎ ובסוגריים.
invalid-formula-reference = הנוסחה מזכירה קוד מדד שאין ביוזמה.
invalid-code = יש להשתמש באותיות לטיניות, בספרות וב-_, ולפתוח באות.
invalid-number-order = הערך הגבוה נמוך מהערך הנמוך.
invalid-out-of-range = מחוץ לטווח שהמדד מתיר.
invalid-in-use = מדדים אחרים משתמשים בקוד הזה; יש לשנות אותם קודם.
places-title = מקומות
places-search = חיפוש מקום לפי שם או קוד
places-search-submit = חיפוש
places-import = ייבוא מקומות
places-path = המיקום בהיררכיה
places-empty = אין כאן מקומות.
places-count =
    { $count ->
        [one] מקום אחד
       *[other] { $count } מקומות
    }
places-name = שם
places-kind = רמה
places-code = קוד
places-details = מאפיינים
places-under = מקומות תחתיו
places-under-of = המקומות שתחת { $name }
places-children =
    { $count ->
        [one] מקום אחד תחתיו
       *[other] { $count } מקומות תחתיו
    }
place-nurture = חמישון טיפוח { $value }
place-ses-cluster = אשכול חברתי-כלכלי { $value }
place-students =
    { $count ->
        [one] תלמיד/ה אחד/ת
       *[other] { $count } תלמידים
    }
place-population =
    { $count ->
        [one] תושב/ת אחד/ת
       *[other] { $count } תושבים
    }
place-periphery = פריפריה
place-new-title = מקום חדש
place-edit-title = עריכת מקום
place-new = הוספת מקום
place-new-here = הוספת מקום תחתיו
field-place-parent = נמצא תחת
hint-place-parent = בית ספר נמצא תחת הרשות שלו, ורשות תחת המחוז שלה.
hint-place-code = הסמל הרשמי, אם יש: סמל מוסד לבית ספר, סמל משרד החינוך לרשות.
field-place-periphery = פריפריה
place-delete-title = למחוק את { $name }?
place-delete-explanation = המקום יוסר מכל רשימה וקבוצה. ההיסטוריה שלו נשארת ביומן.
place-delete-blocked = למקום הזה יש עדיין מקומות תחתיו או ערכים שהוזנו עבורו. יש להעביר או למחוק אותם קודם.
place-indicators = המדדים כאן
place-how = איך
place-entered = הוזן למקום הזה
place-added-up = סוכם מהמקומות שתחתיו
data-import-title = ייבוא נתונים
data-import-lead = הכנסת מקומות או ערכים מקובץ CSV או XLSX. אתם קובעים איזו עמודה מה משמעותה; דבר לא נכתב עד שהקובץ כולו עובר את הבדיקה.
data-import-what = מה יש בקובץ
data-purpose-places = מקומות: מחוזות, רשויות, בתי ספר והמאפיינים שלהם
data-purpose-values = ערכים של מדדים
data-import-no-indicators = עדיין אין מדדים: קודם מגדירים אותם, ואחר כך מייבאים את הערכים שלהם.
data-import-file-hint = ‏CSV ‏(UTF-8, UTF-16 או Windows-1255) או XLSX, בצורה ארוכה (שורה לכל ערך) או רחבה (עמודה לכל מדד).
data-import-next = המשך להתאמת העמודות
data-mapping-title = התאמת העמודות של הקובץ
data-file-rows =
    { $count ->
        [one] שורה אחת
       *[other] { $count } שורות
    }
data-saved-mapping = התאמה ששמרתם בעבר
data-use-mapping = שימוש בה
data-mapping-heading = איזו עמודה מכילה מה
data-layout = צורת הקובץ
data-layout-wide = רחבה: עמודה לכל מדד
data-layout-long = ארוכה: שורה לכל ערך, עם עמודת מדד ועמודת ערך
data-columns-heading = עמודות שמכילות ערכים
data-columns-hint = בחרו את המדד שכל עמודה מכילה. מקדם הופך שיעורים של 0–1 לאחוזים (100). ממד הופך את העמודה לפילוח (gender, sector).
data-sample = ערכים ראשונים
data-check-file = בדיקת הקובץ
data-issues-title =
    { $count ->
        [one] בעיה אחת בקובץ
       *[other] { $count } בעיות בקובץ
    }
data-issues-nothing-written = דבר לא נכתב. אפשר לתקן את הקובץ או את ההתאמה ולבדוק שוב.
data-ready-title = הקובץ עבר את הבדיקה
data-save-mapping-as = שמירת ההתאמה בשם
hint-save-mapping = לא חובה: שם, כדי להשתמש באותה התאמה בקובץ הבא באותה צורה.
data-import-confirm = ייבוא
data-preview-places = יתווספו או יעודכנו { $districts } מחוזות, { $authorities } רשויות ו-{ $schools } בתי ספר.
data-preview-values = { $count } ערכים ל-{ $places } מקומות (מתוכם { $missing } ריקים, שיישמרו כ"לא דווח").
data-preview-periods = תקופות: { $periods }
data-preview-indicators = מדדים: { $indicators }
data-preview-places-skipped =
    { $count ->
        [one] מקום אחד שהקובץ מזכיר אינו כאן, והוא ידולג.
       *[other] { $count } מקומות שהקובץ מזכיר אינם כאן, והם ידולגו.
    }
mapping-authority-code-form = בעמודת סמל הרשות יש
mapping-code-form-ministry = סמלי רשות של משרד החינוך (כמו בקובצי בתי הספר של המשרד)
mapping-code-form-cbs = סמלי יישוב של הלמ"ס
hint-code-form-cbs = סמל הרשות במשרד החינוך הוא סמל היישוב של הלמ"ס עם ספרת ביקורת אחת בסופו, ולכן קשר מוצאת את הרשות לפי כל אחד מהם.
mapping-update-only = רק להוסיף נתונים למקומות שכבר כאן
hint-update-only = השמות והמבנה נשארים כפי שהם, ושורות של מקומות שאינם כאן מדולגות. מתאים לטבלת יישובים של הלמ"ס, שמונה כל כפר ועיירה.
data-import-running-title = ייבוא בתהליך
data-import-running = הקובץ נקרא ונבדק…
data-import-progress = נכתבו { $done } מתוך { $total } שורות ({ $percent }%)
data-import-progress-label = התקדמות
data-import-running-hint = אפשר לעזוב את הדף: הייבוא ממשיך. דבר אינו נשמר עד שכל הקובץ נקלט, כך שבנתונים לעולם אין חצי קובץ.
data-import-check-again = לבדוק שוב
data-import-refused-lead = הנתונים השתנו אחרי שהקובץ נבדק, והקובץ כבר אינו מתאים להם. דבר לא נכתב. יש לתקן את הקובץ או את ההתאמה ולנסות שוב.
data-import-back-to-mapping = חזרה להתאמת העמודות
data-preview-new-places =
    { $count ->
        [one] מקום אחד שהקובץ מזכיר עדיין אינו מוכר ויתווסף.
       *[other] { $count } מקומות שהקובץ מזכיר עדיין אינם מוכרים ויתווספו.
    }
data-issue-missing-column = ההתאמה צריכה עמודה עבור "{ $field }", ואין בקובץ עמודה בשם הזה.
data-issue-cell = { $problem }
data-issue-unknown-place = אין מקום עם הקוד או השם "{ $value }". אפשר לייבא קודם את המקומות, או לסמן "הוספת מקומות שהקובץ מזכיר".
data-issue-unknown-indicator = אין מדד עם הקוד "{ $value }".
data-issue-computed-indicator = "{ $value }" מחושב ממדדים אחרים; מייבאים את המדדים שהוא נשען עליהם.
data-issue-duplicate = אותו ערך כבר מופיע בשורה { $line }.
data-issue-out-of-range = { $value } מחוץ לטווח המותר ({ $min } עד { $max }).
data-issue-rule = הכלל "{ $left } לכל היותר { $right }" לא מתקיים כאן.
data-issue-no-rows = אין בקובץ שורות נתונים.
data-import-bad-mapping = לא הצלחנו לקרוא את ההתאמה.
flash-places-imported = המקומות יובאו.
flash-values-imported = הערכים יובאו.
mapping-district = מחוז
mapping-authority-code = סמל רשות
mapping-authority-name = שם רשות
mapping-school-code = סמל מוסד
mapping-school-name = שם מוסד
mapping-sector = מגזר
mapping-supervision = פיקוח
mapping-stage = שלב חינוך
mapping-nurture-quintile = חמישון טיפוח
mapping-students = תלמידים
mapping-ses-index = מדד חברתי-כלכלי
mapping-ses-cluster = אשכול חברתי-כלכלי
mapping-population = אוכלוסייה
mapping-periphery = פריפריה (כן/לא)
mapping-grid-x = קואורדינטה X
mapping-grid-y = קואורדינטה Y
mapping-place-code = קוד מקום
mapping-place-name = שם מקום
mapping-period = תקופה
mapping-indicator = קוד מדד (צורה ארוכה)
mapping-value = ערך (צורה ארוכה)
mapping-parent-name = הרשות של מקום חדש
mapping-columns = עמודות שמכילות ערכים
mapping-breakdowns = עמודות פילוח
mapping-place-kind = המקומות שהקובץ מזכיר הם
mapping-not-in-file = — לא בקובץ הזה —
mapping-add-missing-places = הוספת מקומות שהקובץ מזכיר ועדיין אינם מוכרים (תחת הרשות שבשורה שלהם, אם היא מוכרת)
mapping-indicator-column = מדד
mapping-indicator-of = המדד בעמודה { $name }
mapping-scale = מקדם
mapping-scale-of = המקדם לעמודה { $name }
mapping-dimension = ממד פילוח
mapping-dimension-of = ממד הפילוח של העמודה { $name }
measurement-tab-report = דיווח ערכים
measurement-tab-approvals = אישורים
report-title = דיווח ערכים
report-lead-partner = כאן מזינים את ערכי התוכנית שלכם עבור המדדים שהארגון מדווח. אפשר לשמור כטיוטה או לשלוח לאישור צוות השדרה; הערכים נכנסים לנתונים המשותפים אחרי שאושרו.
report-lead-backbone = כאן מזינים ערכים ישירות; ערכים של צוות השדרה נספרים מיד. ערכים של שותפים ממתינים לאישור בלשונית "אישורים".
report-no-indicators = הארגון שלכם עדיין לא מדווח על אף מדד. צוות השדרה קובע לכל מדד מי הארגון המדווח.
report-period-hint = לפי סוג התקופה של המדד: ⁦2025/26⁩, ⁦2026⁩, ⁦2026-Q1⁩ או ⁦2026-03⁩.
report-rows-caption = שורה לכל מקום: הקוד שלו (סמל מוסד) או שמו המדויק, והערך.
report-place = מקום
report-place-of = המקום בשורה { $line }
report-value-of = הערך בשורה { $line }
report-note-of = הערה בשורה { $line }
report-row = שורה { $line }
report-send = שליחה לאישור
report-save-draft = שמירה כטיוטה
report-save-approved = שמירה
report-nothing-entered = לא מולאה אף שורה.
report-source = ערכים שדווחו בטופס
report-pending = ערכים בתהליך
report-pending-empty = אין דבר בהמתנה: כל הערכים שהזנתם אושרו.
report-choose = בחירה
report-choose-of = בחירת הערך של { $name }
report-state = היכן זה עומד
report-comment = הערה
report-send-chosen = שליחת הערכים שנבחרו
report-issues-title = בעיות בטופס
approvals-title = אישורים
approvals-lead = ערכים ששותפים שלחו. כדאי לבדוק כל ערך מול הערכים הקודמים של אותו מקום; לאשר את הנכונים, ולהחזיר את האחרים עם הערה שמסבירה מה לתקן.
approvals-empty = אין ערכים שממתינים לאישור.
approvals-history = ערכים קודמים כאן
approvals-source = נשלח על ידי
approvals-outlier = חריג
approvals-outlier-rule = "חריג" מסמן ערך רחוק מהערכים הקודמים של אותו מקום: ציון z חסין מעל 3.5 על פני ארבע תקופות קודמות או יותר; עם אחת עד שלוש, יותר משלושה מונים מהגדול שבהם או פחות משליש מהקטן שבהם. הוא מסמן גם ערך גדול מהנתון של המקום שהוא שייך אליו. ייתכן שהוא עדיין נכון.
approvals-comment = הערה לערכים שמוחזרים
approvals-comment-hint = חובה בהחזרה: מה השותף צריך לבדוק או לתקן?
approvals-approve = אישור הערכים שנבחרו
approvals-return = החזרת הערכים שנבחרו
approvals-comment-needed = יש לכתוב הערה שמסבירה למה הערכים מוחזרים.
approvals-pick-values = יש לבחור לפחות ערך אחד.
completeness-title = מי דיווח
completeness-empty = עדיין אין מדד ששותף מדווח עליו.
completeness-expected = צפוי (דיווחו בתקופה הקודמת)
completeness-received = התקבל
flash-values-sent = הערכים נשלחו לאישור.
flash-values-drafted = הערכים נשמרו כטיוטה.
flash-values-approved = הערכים אושרו.
flash-values-returned = הערכים הוחזרו עם ההערה שלכם.
download-title = הורדה
download-shown = הנתונים שבעמוד הזה
download-values = כל הערכים המאושרים של המדד
download-dhis2 = ‏DHIS2 (קובץ dataValueSets)
download-dhis2-all = כל הערכים עבור DHIS2
download-setup = הגדרות המדידה (JSON)
download-section = חלק
download-label = תקופה, מקום או קבוצה
gap-title = פער בין קבוצות
gap-title-of = הפער ב{ $name }
gap-lead = קבוצה אחת מול קבוצת השוואה לאורך זמן, כל אחת מסוכמת על פני המקומות שלה (או תא הפילוח שלה), והפער ביניהן בכל תקופה.
gap-back = חזרה למדד
gap-open = השוואה בין שתי קבוצות (פער)
gap-no-groups = הנתונים עדיין לא מבחינים בין שתי קבוצות: צריך פילוח (מגדר, מגזר), או מקומות עם חמישון טיפוח, סימון פריפריה או מגזר, או קבוצת מקומות.
gap-group = קבוצה
gap-reference = קבוצת השוואה
gap-gap = פער
gap-caption = { $group } (קו רציף) מול { $reference } (קו מקווקו)
gap-periphery = פריפריה
gap-not-periphery = לא פריפריה
gap-sector = מגזר: { $name }
card-settings-title = כרטיס דיווח פומבי
card-settings-lead = כאן בוחרים את המדדים שהציבור יכול לראות. הכרטיס לא דורש חשבון: כל מי שיש לו את הכתובת קורא אותו, והוא מודפס על A4. נתונים על פחות אנשים מהסף מוסתרים, וכך גם נתונים שאפשר לחשב מהם את המוסתרים.
card-public-at = פורסם בכתובת
card-not-published = לא פורסם: רק צוות השדרה רואה את ההגדרות האלה.
field-card-title = כותרת
field-card-threshold = הסתרת נתונים על פחות אנשים מ-
hint-card-threshold = לפחות 1; 10 אם לא תבחרו אחרת.
field-card-indicators = המדדים בכרטיס
field-card-published = מפורסם: כל מי שיש לו את הכתובת יכול לקרוא
card-privacy = נתונים על פחות מ-{ $count } אנשים מוסתרים כדי להגן על התלמידים שמאחוריהם, יחד עם כל נתון שאפשר לחשב מהם אותם.
card-hidden = מוסתר
card-hidden-note = חלק מהנתונים מוסתרים: הם מתארים קבוצה קטנה, או שהיו חושפים אחת.
card-places-caption = לפי מקום, { $period }
measurement-tab-setup = קבוצות וכללים
setup-title = קבוצות וכללים
setup-groups = קבוצות מקומות
setup-groups-lead = קבוצה מאגדת מקומות להשוואה בתצוגת הפערים: רשויות בפריפריה, בתי הספר של מחוז אחד, רשימת בתי ספר בתוכנית.
setup-no-groups = עדיין אין קבוצות.
setup-new-group = קבוצה חדשה
setup-group-by-attributes = המקומות שמתאימים (לכל המסננים שמולאו)
setup-under = תחת המקום
hint-setup-under = קוד או שם מדויק, למשל של מחוז.
setup-group-by-codes = או הקודים האלה
hint-setup-codes = קוד בכל שורה או מופרדים בפסיקים; כשהם ממולאים, המסננים שלמעלה לא משמשים.
setup-create-group = יצירת הקבוצה
setup-rules = כללים בין מדדים
setup-rules-lead = כל קובץ וטופס נבדקים מול הכללים האלה לכל מקום, תקופה ופילוח: למשל, מספר הניגשים לכל היותר מספר התלמידים.
setup-no-rules = עדיין אין כללים.
setup-create-rule = הוספת הכלל
setup-delete-confirm = למחוק?
setup-delete-of = מחיקת { $name }
field-group-name = שם
field-group-places = מקומות
field-rule-left = המדד
field-rule-comparison = חייב להיות
field-rule-right = מהמדד

# נתונים שאפשר לסמוך עליהם: כיסוי, תקופות זמניות, סטטוס והסבר, שינוי ונקודת הוכחה.
status-reached = היעד הושג
status-not_reached = היעד לא הושג
status-no_recent_data = אין נתונים עדכניים
coverage-expected-previous_period = המקומות שדיווחו בתקופה השלמה האחרונה
coverage-expected-all_schools = כל בתי הספר ביוזמה
coverage-expected-place_group = המקומות בקבוצה
coverage-of = { $reported } מתוך { $expected } מקומות ({ $percent }%)
coverage-provisional = { $period }: { $coverage } עד כה
change-better = שיפור
change-worse = הרעה
change-flat = ללא שינוי של ממש
status-reason-no-data = עדיין אין תקופה שבה דיווחו מספיק מקומות כדי להעריך.
status-reason-no-target = { $value } ב־{ $period }; לא נקבע יעד להשוות אליו.
status-reason-target-reached = שנת היעד { $target_period } עברה: { $value } ב־{ $period } הגיע ליעד של { $target }.
status-reason-target-missed = שנת היעד { $target_period } עברה: { $value } ב־{ $period } לא הגיע ליעד של { $target }.
status-reason-target-passed-without-figure = שנת היעד { $target_period } עברה ואין לה נתון שלם; הנתון השלם האחרון, { $value }, הוא מ־{ $period }.
status-reason-stale = הנתון השלם האחרון, { $value }, הוא מ־{ $period }; בשתי התקופות שלפני { $current } לא הגיע נתון שלם.
status-reason-trajectory = { $value } ב־{ $period }; על הקו הישר מנקודת המוצא אל { $target } ב־{ $target_period } הוא היה אמור להיות { $expected }.
status-reason-ahead = { $value } ב־{ $period } כבר הגיע ליעד של { $target } שנקבע ל־{ $target_period }.
status-reason-hold = { $value } ב־{ $period }; היעד הוא לשמור על { $target } עד { $target_period }.
measurement-change = שינוי
measurement-by-goal = קיבוץ לפי יעד
measurement-by-axis = קיבוץ לפי ציר
measurement-tab-progress = התקדמות
measurement-trajectory = מנקודת המוצא אל היעד
measurement-coverage = מקומות שדיווחו
measurement-provisional = זמני
measurement-provisional-note = תקופה זמנית היא תקופה שעדיין מתחת לסף הכיסוי של המדד: היא מסומנת בנקודה חלולה על קו מקווקו, היא אף פעם אינה הנתון המוביל, וכרטיס הדיווח אינו מפרסם אותה.
measurement-change-previous = { $arrow } { $change } מאז התקופה הקודמת: { $words }.
measurement-change-baseline = { $arrow } { $change } מאז נקודת המוצא: { $words }.
measurement-overflowed = חלק מהנתונים של המדד גדולים מכדי לסכם אותם והם הושמטו. כדאי לבדוק אם הוזן מספר עם ספרות מיותרות.
indicator-coverage-and-change = כיסוי ושינוי
field-coverage-expected = מי אמור לדווח
field-coverage-group = הקבוצה שאמורה לדווח
field-coverage-threshold = סף כיסוי (%)
field-no-change-band = טווח "ללא שינוי של ממש"
hint-coverage-expected = כל נתון מראה כמה מהמקומות האלה דיווחו. כברירת מחדל: המקומות שדיווחו בתקופה השלמה האחרונה.
hint-coverage-group = רק כשמצפים לדיווח מהמקומות של קבוצה.
hint-coverage-threshold = מתחת לשיעור הזה מהמקומות הצפויים התקופה זמנית. ברירת המחדל 90.
hint-no-change-band = שינוי שאינו גדול מזה, ביחידות המדד, אינו שינוי של ממש. ריק: 1% מנקודת המוצא.
card-collecting = הנתונים של { $period } עדיין נאספים ועוד לא מפורסמים.
card-incomplete-places = { $count ->
    [one] מקום אחד אינו מופיע ברשימה: מעט מדי מהמקומות שבו דיווחו.
   *[other] { $count } מקומות אינם מופיעים ברשימה: מעט מדי מהמקומות שבהם דיווחו.
}
gap-quintile-neediest = הזקוק ביותר לטיפוח
gap-quintile-least-needy = הזקוק פחות מכולם לטיפוח
gap-rests-on = מקומות שדיווחו
gap-widened = הפער גדל מ־{ $from } ל־{ $to } בין { $first } ל־{ $last }.
gap-narrowed = הפער הצטמצם מ־{ $from } ל־{ $to } בין { $first } ל־{ $last }.
gap-held = הפער נשאר בערך { $to } בין { $first } ל־{ $last }.
progress-title = התקדמות
progress-lead = כמה ממדדי היוזמה משתפרים, והיכן עומד כל יעד. הנתונים הם של היוזמה כולה, מתקופות שלמות בלבד.
progress-proof-point = נקודת ההוכחה
progress-met = הושגה
progress-not-met = לא הושגה
progress-proof-point-met = { $improving } מתוך { $judged } מדדים משתפרים ({ $share }%): נקודת ההוכחה של { $threshold }% הושגה.
progress-proof-point-not-met = { $improving } מתוך { $judged } מדדים משתפרים ({ $share }%): נקודת ההוכחה של { $threshold }% לא הושגה.
progress-unjudged = { $count ->
    [one] למדד אחד אין מספיק נתונים להשוואה והוא אינו נספר.
   *[other] ל־{ $count } מדדים אין מספיק נתונים להשוואה והם אינם נספרים.
}
progress-rule = מדד משתפר כשהנתון השלם האחרון שלו טוב מזה של התקופה הקודמת ומנקודת המוצא, בכל אחד מהם ביותר מטווח "ללא שינוי של ממש" שלו (1% מנקודת המוצא אם לא נקבע אחרת). המבחן של Strive: קהילה נמצאת בדרך כשלפחות 60% מהמדדים שלה משתפרים.
progress-goal-no-indicators = עדיין אין מדד שמודד את היעד הזה.
progress-no-goal = לא מקושרים ליעד
progress-open = התקדמות ונקודת ההוכחה
progress-settings = סף נקודת ההוכחה
field-proof-point-threshold = שיעור המדדים המשתפרים שמהווה נקודת הוכחה (%)
hint-proof-point-threshold = ברירת המחדל 60, כפי שקבעה Strive.
results-indicators = מדדים שמודדים את התוצאה הזאת
data-issue-missing-weight = { $indicator } הוא ממוצע משוקלל: הוא צריך את המשקל שלו, { $weight }, לאותו מקום ולאותה תקופה, באותה הגשה או כזה שכבר שמור.
flash-values-counted = הערכים נשמרו ונספרים מיד.
report-weight = משקל
report-weight-of = משקל, שורה { $line }
report-weight-hint = ממוצע משוקלל (שיעור שמשוקלל במספר התלמידים) צריך את המשקל שלו לכל מקום: כתבו אותו בעמודת המשקל.
error-bad-json = ה-JSON של הבקשה אינו תואם את מה שהכתובת הזאת מקבלת.
json-expected-text = כתבו כאן טקסט (במירכאות).
json-expected-integer = כתבו כאן מספר שלם.
json-expected-number = כתבו כאן מספר.
json-expected-boolean = כתבו כאן true או false.
json-expected-choice = כתבו כאן אחת מהמילים שהשדה מקבל (המסמך של ה־API מפרט אותן).
json-expected-other = השדה הזה מקבל { $expected }.
error-not-utf8 = הבקשה אינה בקידוד UTF-8. שמרו אותה כ-UTF-8 ושלחו שוב.
error-too-large = הבקשה גדולה מדי.
error-too-large-limit = הבקשה גדולה מדי: הכתובת הזאת מקבלת לכל היותר { $limit }.
error-unsupported-type = הכתובת הזאת מקבלת JSON: שלחו את הגוף עם Content-Type: application/json.
error-busy = המערכת עסוקה בייבוא ארוך.
error-busy-explained = דבר לא נשמר. נסו שוב בעוד כמה שניות.
nav-my-account = החשבון שלי
account-title = החשבון שלי
account-roles = התפקידים שלי
account-no-roles = עדיין אין לך תפקיד באף יוזמה. צוות השדרה של יוזמה יכול לתת לך תפקיד.
account-tokens = אסימוני API
account-tokens-explained = אסימון מאפשר לסקריפט או למערכת אחרת להשתמש ב-API של קשר בשמך ובהרשאות שלך. תנו לכל שימוש אסימון משלו, כדי שאפשר יהיה לבטל אחד בלי לעצור את האחרים.
account-no-tokens = אין לך אסימוני API.
token-name = שם האסימון
token-name-hint = למה האסימון משמש, למשל "לוח המחוונים העירוני".
token-created = נוצר
token-last-used = שימוש אחרון
token-never-used = אף פעם
token-expires = בתוקף עד
token-expired = פג תוקף
token-no-expiry = ללא הגבלה
token-revoke = ביטול
token-revoke-named = ביטול "{ $name }"
token-new = אסימון חדש
token-expires-in-days = תוקף (בימים)
token-expires-hint = בין 1 ל-1825 ימים; שנה אם לא משנים.
token-create = יצירת אסימון
token-created-once = האסימון החדש מופיע למטה. העתיקו אותו עכשיו: הוא מוצג פעם אחת בלבד. שלחו אותו בכותרת Authorization: Bearer ואחריה האסימון.
flash-token-revoked = האסימון בוטל ואינו פועל עוד.
users-disable = השבתת "{ $name }"
users-enable = הפעלה מחדש של "{ $name }"
users-status = מצב
users-active = פעיל
users-disabled = מושבת
flash-user-disabled = החשבון הושבת: החיבורים והאסימונים שלו הסתיימו.
flash-user-enabled = החשבון הופעל מחדש.
conflict-disable-self = אי אפשר להשבית את החשבון שלך.
invalid-control = מכיל תו בלתי נראה או תו בקרה (כמו היפוך כיוון או רווח ברוחב אפס). הקלידו את הטקסט מחדש, או הדביקו אותו כטקסט פשוט.
invalid-one-owner = בחרו אדם או ארגון כאחראי, לא את שניהם.
invalid-too-large = גדול מכל ערך סביר: לכל היותר 10¹⁵.
measurement-points = { $value } נקודות
approvals-exceeds-parent = יותר מהמקום שהוא שייך אליו
data-preview-disagreements = פילוחים שאינם מסתכמים (הקובץ עדיין מתקבל; כדאי לבדוק את המקומות האלה):
data-preview-cells-disagree = { $place }, { $period }, { $indicator }: התאים של { $dimension } מסתכמים ל־{ $cells }, אבל הסך הכול הוא { $total }.
data-sample-caption = כך יישמר { $place } עבור { $indicator } ב־{ $period }
data-sample-total = סך הכול
data-sample-total-from-cells = יחושב מהתאים
data-sample-missing = חסר
mapping-categories = ערכי הפילוח
mapping-categories-of = ערכי הפילוח בעמודה { $name }
mapping-categories-hint = כשעמודת פילוח אחת מערבבת סך הכול וכמה קבוצות, כתבו מה שייך למה: "Total Cohort = total; Male, Female = gender; Asian, Black = ethnicity; ELL = language". מילים כמו Total, סה"כ או כלל מציינות סך הכול גם בלי לכתוב אותן. סך הכול שמופיע בקובץ נשמר כפי שהוא; סכומים אף פעם אינם מחוברים בין קבוצות שונות.

## הצטרפות: הזמנות, איפוס סיסמה, תיבת הדואר היוצא וההודעות.
field-language = שפה
field-new-password = סיסמה חדשה
language-he = עברית
language-en = אנגלית
hint-new-password = לפחות 10 תווים. משפט שקל לזכור הוא בחירה טובה.
hint-invitation-email = הכתובת שאליה תישלח ההזמנה. הקישור שבה עובד פעם אחת, במשך שבעה ימים.
hint-invitation-language = שפת ההודעה והדפים הראשונים.
hint-invitation-name = השם שיראו אחרים ביוזמה.
invitations-title = הזמנות
invitations-lead = אפשר לצרף אנשים ליוזמה ישירות: הם מקבלים קישור בדוא"ל, בוחרים שם וסיסמה, ונכנסים עם התפקיד שבחרתם.
invitations-new = הזמנת משתתף/ת
invitations-send = שליחת ההזמנה
invitations-list = הזמנות שנשלחו
invitations-empty = עדיין לא נשלחו הזמנות.
invitations-status = מצב
invitations-expires = הקישור בתוקף עד
invitations-resend = שליחה חוזרת
invitations-resend-for = שליחה חוזרת של ההזמנה אל { $name }
invitations-revoke = ביטול
invitations-revoke-for = ביטול ההזמנה אל { $name }
invitations-revoke-confirm = לבטל את ההזמנה? הקישור שבה יפסיק לעבוד.
invitations-link = הזמנת אנשים בדוא"ל
invitation-status-pending = ממתינה
invitation-status-accepted = התקבלה
invitation-status-expired = פג תוקפה
invitation-status-revoked = בוטלה
invitation-accept-title = הצטרפות ליוזמה
invitation-accept-lead = הוזמנת לקחת חלק ב{ $name }.
invitation-accept-existing = כבר יש לך חשבון בכתובת הזו. יש להזין את הסיסמה שלו כדי לקבל את ההזמנה.
invitation-accept = קבלת ההזמנה והמשך
invitation-spent-accepted = ההזמנה כבר התקבלה. אפשר להיכנס כדי להמשיך.
invitation-spent-expired = תוקף הקישור פג. אפשר לבקש ממי שהזמין אותך לשלוח אותו שוב.
invitation-spent-revoked = ההזמנה בוטלה. אם נראה לך שזו טעות, כדאי לפנות לצוות היוזמה.
flash-invitation-sent = ההזמנה נשלחה.
flash-invitation-revoked = ההזמנה בוטלה, והקישור שבה כבר לא עובד.
flash-password-reset = הסיסמה הוחלפה. אפשר להיכנס עם הסיסמה החדשה.
conflict-already-invited = לכתובת הזו כבר ממתינה הזמנה. אפשר לשלוח אותה שוב מהרשימה.
conflict-comment-on-old-version = הגרסה הזו הוחלפה בגרסה חדשה יותר. אפשר להגיב על הגרסה הנוכחית.
conflict-invitation-spent = אי אפשר להשתמש עוד בהזמנה הזו: היא התקבלה, בוטלה או שפג תוקפה.
conflict-reset-spent = הקישור כבר לא עובד: נעשה בו שימוש, או שעברה יותר משעה. אפשר לבקש קישור חדש.
password-forgot = שכחת את הסיסמה?
password-forgot-title = איפוס סיסמה
password-forgot-lead = יש להזין את כתובת הדוא"ל של החשבון, ונשלח אליה קישור לבחירת סיסמה חדשה.
password-forgot-send = שליחת הקישור
password-forgot-asked = אם יש חשבון בכתובת הזו, נשלח אליה קישור. הוא עובד פעם אחת, במשך שעה.
password-reset-title = בחירת סיסמה חדשה
password-reset-save = שמירת הסיסמה החדשה
outbox-title = דואר יוצא
outbox-lead = כל ההודעות שקשר שלחה או עומדת לשלוח. בלי שרת דואר, ההודעות ממתינות כאן: אפשר לפתוח קישור ולהעביר אותו ידנית.
outbox-empty = עדיין אין הודעות.
outbox-to = אל
outbox-subject = נושא
outbox-queued = נוספה לתור
outbox-state = מצב
outbox-link = קישור
outbox-follow = פתיחת הקישור
outbox-sent = נשלחה
outbox-waiting = ממתינה לשליחה
outbox-retrying = טרם נשלחה; ניסיון נוסף בקרוב
outbox-given-up = לא ניתן היה לשלוח
mail-footer = ההודעה נשלחה מקשר, מרחב העבודה של יוזמת אימפקט קולקטיבי.
mail-link-note = אם הכפתור לא עובד, אפשר להעתיק את הכתובת הזו לדפדפן:
mail-test-subject = הודעת ניסיון מקשר
mail-test-body = הגדרות הדואר של קשר בכתובת { $address } עובדות.
mail-invitation-subject = הזמנה ל{ $initiative }
mail-invitation-heading = הוזמנת ל{ $initiative }
mail-invitation-body = { $inviter } מזמין/ה אותך לקחת חלק ב{ $initiative } בתפקיד { $role }.
mail-invitation-expiry = הקישור עובד פעם אחת, ותוקפו יפוג בעוד { $days } ימים.
mail-invitation-action = קבלת ההזמנה
mail-reset-subject = בחירת סיסמה חדשה לקשר
mail-reset-body = שלום { $name }, התקבלה בקשה לאפס את הסיסמה של החשבון שלך. אם הבקשה לא הגיעה ממך, אפשר להתעלם מההודעה: דבר לא ישתנה.
mail-reset-expiry = הקישור עובד פעם אחת, במשך { $minutes } דקות.
mail-reset-action = בחירת סיסמה חדשה
mail-email-changed-subject = כתובת הדוא"ל של החשבון שלך בקשר השתנתה
mail-email-changed-body = שלום { $name }, מעכשיו הכניסה לחשבון שלך בקשר וההודעות ממנו הן בכתובת { $email }. לכתובת הזו לא יישלח עוד דבר מקשר.
mail-email-changed-not-you = אם לא ביצעת את השינוי, יש להודיע מיד לצוות השדרה של היוזמה: הם יכולים להשבית את החשבון.
account-email = כתובת דוא"ל
account-email-lead = בכתובת הזו קשר מזהה אותך בכניסה ושולח אליך הודעות. הסיסמה הנוכחית מאשרת את השינוי, והכתובת הישנה מקבלת הודעה עליו.
field-new-email = כתובת דוא"ל חדשה
account-email-save = החלפת הכתובת
flash-email-changed = כתובת הדוא"ל שלך הוחלפה.

## מה מחכה לי: הדף הראשון של היוזמה.
needs-title = מה מחכה לך
needs-none = כרגע שום דבר לא ממתין לך כאן. תודה — הכול מעודכן.
told-title = לאחרונה
told-none = אין חדש ב־30 הימים האחרונים.
told-choices = בחירה במה לעדכן אותך ואיך
need-values-returned =
    { $count ->
        [one] נתון אחד הוחזר אלייך עם הערה: יש לתקן ולשלוח שוב.
       *[other] { $count } נתונים הוחזרו אלייך עם הערות: יש לתקן ולשלוח שוב.
    }
need-values-awaiting =
    { $count ->
        [one] נתון אחד של שותף ממתין לאישורך.
       *[other] { $count } נתונים של שותפים ממתינים לאישורך.
    }
need-report-due = הארגון שלך צריך לדווח על „{ $indicator }“ לתקופה { $period }.
need-position = העמדה של הארגון שלך מבוקשת בשאלה הפתוחה: { $question }
need-endorse = גרסה { $version } של המצע המשותף ממתינה לאישור הארגון שלך.
need-invitations =
    { $count ->
        [one] הזמנה אחת עדיין לא נענתה.
       *[other] { $count } הזמנות עדיין לא נענו.
    }

## דף החשבון: הפרטים והסיסמה.
invalid-wrong-password = זו לא הסיסמה הנוכחית שלך.
account-details = הפרטים שלך
account-details-save = שמירת הפרטים
account-password = החלפת סיסמה
account-password-lead = כשהסיסמה מתחלפת, החיבורים האחרים שלך מסתיימים; החיבור הזה נשאר פעיל.
account-password-save = החלפת הסיסמה
field-current-password = הסיסמה הנוכחית
flash-profile-saved = הפרטים נשמרו.
flash-password-changed = הסיסמה הוחלפה. החיבורים האחרים שלך הסתיימו.

## התראות.
notify-open = פתיחה בקשר
notify-unsubscribe = הפסקת הודעות על { $kind }
notify-kind-value-returned = נתונים שהוחזרו לארגון שלך
notify-kind-invitation-accepted = הזמנות ששלחת והתקבלו
notify-value-returned-subject = נתונים הוחזרו אלייך
notify-invitation-accepted-subject = הזמנה ששלחת התקבלה
notify-value-returned =
    { $count ->
        [one] נתון אחד של { $indicator } הוחזר עם הערה: { $comment }
       *[other] { $count } נתונים של { $indicator } הוחזרו עם הערה: { $comment }
    }
notify-invitation-accepted = { $name } קיבל/ה את ההזמנה שלך והצטרף/ה ל{ $initiative }.
mail-digest-subject =
    { $count ->
        [one] עדכון אחד מקשר
       *[other] { $count } עדכונים מקשר
    }
account-notifications = ההודעות שנשלחות אלייך
account-notifications-lead = לכל סוג עדכון אפשר לבחור הודעה מיד, סיכום יומי אחד, או בלי הודעות.
account-notifications-save = שמירת הבחירות
notification-mode-immediate = מיד
notification-mode-daily = בסיכום יומי
notification-mode-off = בלי הודעות
flash-notifications-saved = הבחירות נשמרו.
unsubscribe-title = הפסקת ההודעות
unsubscribe-lead = לא יישלחו אלייך עוד הודעות על { $name }. אפשר להפעיל אותן מחדש בדף החשבון.
unsubscribe-button = הפסקת ההודעות
unsubscribe-done = בוצע: לא יישלחו עוד הודעות על { $name }.

## Wording-only versions.
agenda-change-kind = איזה שינוי זה?
agenda-change-substantive = שינוי מהותי: גרסה חדשה, וכל השותפים מתבקשים לאשר אותה מחדש.
agenda-change-wording = ניסוח בלבד (שגיאת הקלדה, ניסוח בהיר יותר): גרסת משנה, והאישורים נשארים.
notify-kind-endorsement-needed = גרסאות של המצע שממתינות לאישור הארגון שלך
notify-endorsement-needed-subject = גרסה חדשה של המצע ממתינה לאישורך
notify-endorsement-needed = גרסה { $label } של המצע המשותף של { $initiative } משנה את מהותו. הארגון שלך מתבקש לאשר אותה.
notify-kind-question-changed = שינויים בשאלות פתוחות שהבעת בהן עמדה
notify-question-changed-subject = חל שינוי בשאלה פתוחה שהשתתפת בה
notify-question-edited = נוסח השאלה הפתוחה „{ $question }” שונה, או שהיא קושרה להחלטות אחרות.
notify-question-new-position = נוספה עמדה חדשה בשאלה הפתוחה „{ $question }”.
notify-question-resolved = השאלה הפתוחה „{ $question }” הוכרעה.
notify-question-reopened = השאלה הפתוחה „{ $question }” נפתחה מחדש.
agenda-version-label = גרסה { $name }

# Meetings
meeting-name = { $body } { $number }
meeting-plan = תכנון פגישה של { $name }
meeting-edit = שינוי פגישה של { $name }
meeting-edit-button = שינוי הפגישה
meeting-plan-button = תכנון פגישה
meetings-title = פגישות
meetings-none = עדיין לא תוכננו פגישות.
meeting-agenda = סדר היום
meeting-no-agenda = עדיין אין נושאים בסדר היום.
meeting-agenda-item = נושא
meeting-item-n = נושא { $n }
meeting-presenter = מציג/ה
meeting-item-minutes = דקות
meeting-running-total = מצטבר
meeting-agenda-total = סדר היום תופס { $planned } מתוך { $duration } דקות הפגישה.
meeting-minutes = { $count ->
    [one] דקה אחת
   *[other] { $count } דקות
}
meeting-attendance = נוכחות
meeting-attended-of-invited = הגיעו { $attended }; הוזמנו { $invited }.
meeting-invited-count = { $count ->
    [one] הוזמן/ה אדם אחד.
   *[other] הוזמנו { $count } אנשים.
}
meeting-attendance-not-recorded = הנוכחות עדיין לא נרשמה.
meeting-came = הגיע/ה
meeting-came-label = { $name } הגיע/ה
meeting-came-yes = כן
meeting-came-no = לא
meeting-guest = אורח/ת
meeting-add-guest = עוד מישהו שהגיע
hint-meeting-guest = אדם מהיוזמה שלא הוזמן; נשמר כאורח/ת.
meeting-attendance-save = שמירת הנוכחות
meeting-save = שמירת הפגישה
field-meeting-starts-at = תאריך ושעה
hint-meeting-starts-at = שעון ישראל.
field-meeting-duration = משך בדקות
field-meeting-location = מקום או קישור מקוון
hint-meeting-location = היכן נפגשים, או הקישור לפגישה המקוונת.
field-meeting-objectives = מטרות
hint-meeting-agenda = נושא אחד בכל שורה, עם הדקות שהוא לוקח ומי מציג אותו. עמוד הפגישה מסכם את הזמן. החברים הנוכחיים בגוף מוזמנים.
flash-meeting-planned = הפגישה תוכננה; החברים הנוכחיים בגוף מוזמנים.
flash-meeting-saved = הפגישה נשמרה.
flash-attendance-recorded = הנוכחות נשמרה.
meetings-when = מתי
meetings-attendance-column = הגיעו / הוזמנו (+ אורחים)
health-title = בריאות שיתוף הפעולה
health-lead = איך הגופים נפגשים, כפי שזה נמדד מרישומי הפגישות שלהם. קו מפריד פירושו שעדיין אין מה למדוד.
health-share = { $percent }% ({ $part } מתוך { $whole })
health-meetings-held = פגישות שהתקיימו
health-attendance = נוכחות
health-returning = חזרו שוב
health-sectors = מגזרים סביב השולחן
health-how-title = מה כל נתון אומר
health-meetings-held-means = פגישות שהנוכחות בהן נרשמה.
health-attendance-means = מכל מי שהוזמנו לפגישות האלה, השיעור שהגיעו. אורחים שהגיעו בלי הזמנה אינם נספרים כנגדה.
health-returning-means = ממי שהגיעו לפגישה, השיעור שהגיעו גם לפגישה הקודמת של הגוף. לפגישה הראשונה אין למה לחזור.
health-sectors-means = המגזרים של הארגונים של כל מי שהגיעו: גוף שבו יושב רק מגזר אחד מחמיץ את נקודת המבט של האחרים.
health-link = בריאות שיתוף הפעולה
meeting-copy-button = העתקה לפגישה חדשה
meeting-plan-next-button = תכנון הפגישה הבאה, כמו הקודמת

# פגישות: התיעוד — סיכום הדיון, החלטות, משימות והסיכום.
decision-meeting = פגישה
decision-at-meeting = פגישה { $number }
meeting-summary-print = סיכום להדפסה
meeting-summary-title = סיכום: { $name }
meeting-present = נכחו
meeting-carried-title = משימות פתוחות מפגישות קודמות
meeting-carried-lead = עדיין פתוחות כשהפגישה הזאת נפתחת: כדאי להתחיל בשאלה היכן עומדת כל אחת.
meeting-minutes-title = תיעוד הדיון
meeting-minutes-not-recorded = עוד לא תועד דבר על סעיפי סדר היום.
meeting-item-notes = מה נאמר ועל מה הוסכם
hint-meeting-notes = עיצוב ב־Markdown: ‏**מודגש**, *נטוי*, רשימות שמתחילות ב־"-". קישורים נפתחים בבטחה; סקריפטים וקוד מוטמע מוסרים.
meeting-item-covered = נדון כמתוכנן
meeting-minutes-save = שמירת התיעוד
meeting-covered-yes = נדון
meeting-covered-no = לא הגענו
meeting-covered-of-planned = { $covered } מתוך { $planned } סעיפי סדר היום נדונו כמתוכנן.
meeting-decisions-title = החלטות
meeting-no-decisions = לא נרשמה החלטה בפגישה הזאת.
meeting-decision-add = רישום החלטה
hint-meeting-decision = ההחלטה נכנסת ליומן ההחלטות כהחלטת הגוף הזה, בתאריך הפגישה, עם קישור חזרה לכאן.
meeting-decision-save = רישום ההחלטה
meeting-not-held-yet = הפגישה הזאת עוד לא התקיימה, ולכן אי אפשר לרשום לה החלטה.
meeting-actions-title = משימות
meeting-no-actions = לא ניתנה משימה בפגישה הזאת.
meeting-action-add = הוספת משימה
field-action-title = מה צריך לעשות
field-action-owner-person = מי אחראי (אדם)
hint-action-owner = בחרו אדם, או ארגון למטה: אחד מהשניים.
field-action-owner-organization = או ארגון
field-action-due-on = עד מתי
field-action-result = התוצאה שהיא משרתת
field-action-indicator = המדד שהיא אמורה להזיז
field-action-note = מה נעשה
meeting-action-save = הוספת המשימה
meeting-summary-title-short = סיכום
meeting-summary-sent-on = הסיכום נשלח לכל המוזמנים ב־{ $date }.
meeting-summary-not-sent = הסיכום עוד לא נשלח.
hint-meeting-summary = הסיכום — מי הגיע, התיעוד של כל סעיף, ההחלטות והמשימות — נשלח בדוא"ל לכל המוזמנים, גם למי שלא הגיע.
meeting-summary-send = שליחת הסיכום
meeting-summary-send-again = שליחת הסיכום שוב
meeting-summary-before-attendance = יש לרשום מי הגיע לפני שליחת הסיכום.
action-owner = באחריות
action-from-meeting = ניתנה ב
action-status = מצב
action-overdue = באיחור
action-done = בוצעה
action-open = פתוחה
action-reopen = פתיחה מחדש
action-mark-done = סימון כבוצעה
actions-title = משימות
actions-mine-title = המשימות שלי
actions-lead = מה שביקשו הפגישות של גופי היוזמה מאנשים ומארגונים לעשות, הפתוחות קודם והדחופות בראש. משימות באיחור מסומנות.
actions-filters = אילו משימות
actions-everyone = של כולם
actions-mine = שלי
actions-open-only = רק פתוחות
actions-with-done = גם שבוצעו
actions-every-body = כל הגופים
actions-none = אין כאן משימות.
actions-overdue-count = { $count ->
    [one] משימה אחת עברה את מועדה.
   *[other] { $count } משימות עברו את מועדן.
}
flash-minutes-saved = תיעוד הדיון נשמר.
flash-action-item-added = המשימה נוספה.
flash-summary-sent = הסיכום בדרך לכל המוזמנים.
flash-action-done = סומנה כבוצעה.
flash-action-reopened = נפתחה מחדש.
need-action-items = { $count ->
    [one] { $overdue ->
        [0] יש באחריותך משימה פתוחה.
       *[other] יש באחריותך משימה פתוחה, והיא באיחור.
    }
   *[other] { $overdue ->
        [0] יש באחריותך { $count } משימות פתוחות.
        [one] יש באחריותך { $count } משימות פתוחות, אחת מהן באיחור.
       *[other] יש באחריותך { $count } משימות פתוחות, { $overdue } מהן באיחור.
    }
}
need-meeting-ahead = פגישה קרובה: { $body } { $number }, ב־{ $when }.
mail-meeting-summary-subject = סיכום: { $meeting }
mail-meeting-summary-when = התכנסה ב־{ $when }.
mail-meeting-summary-decisions = החלטות:
mail-meeting-summary-actions = משימות:
mail-meeting-summary-action = לדף הפגישה
health-actions-done = משימות שבוצעו בזמן
health-agenda-covered = כיסוי סדר היום
health-actions-done-means = מתוך המשימות שניתנו בפגישה, החלק שבוצע עד שהגוף נפגש שוב. משימות הפגישה האחרונה נספרות רק אחרי הפגישה הבאה.
health-agenda-covered-means = מתוך סעיפי סדר היום של פגישות שהדיון בהן תועד, החלק שנדון כמתוכנן.
body-open-actions = המשימות הפתוחות של הגוף

# פגישות: הזמנות בדוא"ל, תשובות וביטולים.
meeting-answer-yes = אגיע
meeting-answer-no = לא אגיע
meeting-answer-maybe = אולי
meeting-answer = תשובה
meeting-invitation-title = הזמנה
meeting-invitations-not-sent = ההזמנה עוד לא נשלחה.
meeting-invitations-sent-on = ההזמנה נשלחה לאחרונה ב־{ $date }.
meeting-answers-count = { $yes } יגיעו, { $no } לא יגיעו, { $maybe } אולי; { $none } עוד לא ענו.
meeting-your-answer = התשובה שלך:
meeting-invitations-send = שליחת ההזמנה
meeting-invitations-send-again = שליחה חוזרת
meeting-cancel = ביטול הפגישה
hint-meeting-invitations = ההזמנה נשלחת בדוא"ל לכל מוזמן שיש לו כתובת: סדר היום, רשומה שהיומן שלו יכול להוסיף וקישורים לתשובה. שינוי של מועד, משך או מקום אחרי השליחה נשלח אליהם כעדכון; ביטול הפגישה שולח הודעת ביטול.
meeting-is-cancelled = הפגישה הזאת בוטלה.
meeting-cancelled = הפגישה הזאת בוטלה, ולכן אי אפשר עוד לשנות או לשלוח אותה.
meeting-answer-title = התשובה שלך להזמנה
meeting-answer-lead = האם תגיעו? בחרו תשובה; אפשר לשנות אותה אחר כך מדף הפגישה או מההודעה הזאת.
meeting-answer-recorded = התשובה שלך ל{ $meeting } נרשמה: { $answer }.
flash-invitations-sent = ההזמנה בדרך לכל המוזמנים.
flash-meeting-cancelled = הפגישה בוטלה; המוזמנים מקבלים הודעה.
flash-answer-saved = התשובה שלך נשמרה.
mail-meeting-when = { $when } (שעון ישראל), { $minutes } דקות.
mail-meeting-where = מקום: { $location }
mail-meeting-open = לדף הפגישה
mail-answer-yes = אגיע
mail-answer-no = לא אגיע
mail-answer-maybe = אולי
mail-meeting-invitation-subject = הזמנה: { $meeting }, { $when }
mail-meeting-invitation-heading = הוזמנת ל{ $meeting }
mail-meeting-update-subject = עדכון: { $meeting }, { $when }
mail-meeting-update-heading = חל שינוי ב{ $meeting }
mail-meeting-cancel-subject = בוטלה: { $meeting }, { $when }
mail-meeting-cancel-heading = { $meeting } בוטלה
mail-meeting-cancel-body = הפגישה לא תתקיים. היומן שלך יכול להסיר אותה בעזרת הרשומה המצורפת.

# לוח הפגישות של היוזמה והזנות יומן.
calendar-title = לוח פגישות
calendar-lead = הפגישות של כל הגופים ביוזמה, הקרובות קודם. הירשמו להזנה, והיומן שלכם יתעדכן בהן מעצמו.
calendar-upcoming = פגישות קרובות
calendar-none-upcoming = עוד לא תוכננה פגישה.
calendar-cancelled = בוטלה
calendar-past = פגישות אחרונות
calendar-feeds-title = הרשמה מהיומן שלכם
calendar-feeds-lead = הזנה היא כתובת פרטית שיומן Google, ‏Outlook או הטלפון קוראים כל כמה שעות. כל מי שיש לו את הכתובת רואה את מה שבה, ולכן שמרו אותה לעצמכם, ועצרו אותה כאן אם דלפה.
calendar-feed-created = ההזנה מוכנה. העתיקו עכשיו את הכתובת שלה ליומן (ביומן Google: "יומנים אחרים", "מכתובת URL"): היא מוצגת רק הפעם.
calendar-feed-address = כתובת ההזנה
calendar-feed-revoke = עצירת ההזנה
calendar-feed-create = יצירת הזנה
feed-scope = אילו פגישות
feed-scope-mine = הפגישות שהוזמנתי אליהן
feed-scope-initiative = כל הפגישות של היוזמה
feed-scope-body = הפגישות של { $name }
flash-feed-revoked = ההזנה נעצרה; הכתובת שלה כבר לא עונה.

# מדדים שעוקבים אחר נתון של בריאות השיתוף.
health-measure-attendance = נוכחות
health-measure-returning = חזרו שוב
health-measure-actions_done = משימות שבוצעו בזמן
health-measure-agenda_covered = כיסוי סדר היום
health-follows-title = מדדים שמוזנים מהנתונים האלה
health-follows-lead = מדד של המדידה המשותפת יכול לעקוב אחר נתון אחד של גוף אחד: קשר כותב את ערכו לכל תקופה מהפגישות שהתקיימו בה, ושוב אחרי כל שינוי בתיעוד שלהן. מכאן הוא מוצג בתרשים, נבדק מול היעד ומדווח כמו כל מדד אחר.
health-follows-none = עוד אין מדד שעוקב אחר הנתונים האלה.
health-follow-indicator = מדד
health-follow-measure = נתון
health-follow-place = עבור המקום
health-follow-stop = הפסקת המעקב
health-follow-save = מעקב אחר הנתון
hint-health-follow = ערכיו יחושבו ולא ידווחו: בחרו מדד של תשתית המערכת האקולוגית, באחוזים, לפי תקופות.
flash-health-indicator-linked = המדד עוקב כעת אחר הנתון; ערכיו נכתבו.
flash-health-indicator-unlinked = המדד כבר לא עוקב אחר הנתון; ערכיו נשארים.

health-activity = שומר על הקצב
health-activity-means = מהפגישה הראשונה של הגוף ועד היום: המועדים שבהם הקצב הקבוע שלו (כל כך וכך שבועות או חודשים) ציפה לפגישה, וכמה מהם זכו לפגישה בטווח של חצי מחזור. פגישות נוספות סביב מועד אחד אינן מכסות על מועד שהוחמץ. קו מפריד: לגוף אין קצב קבוע.

meeting-concerns = נוגע ל
meeting-concerns-results = עץ התוצאות
meeting-concerns-indicators = מדדים
meeting-concerns-questions = שאלות פתוחות

## Updates and the contact plan
nav-updates = עדכונים
updates-title = עדכונים לשותפים
updates-lead = מה שצוות השדרה מספר לשותפים: החלטות, נתונים חדשים ופגישות קרובות. כל עדכון שנשלח נשמר כאן.
updates-none = עדיין לא נשלח אף עדכון.
updates-back = לכל העדכונים
update-new = כתיבת עדכון
update-new-title = עדכון חדש
update-edit-title = עריכת העדכון
update-template-lead = הטקסט הוכן מראש ממה שקרה מאז העדכון הקודם: החלטות, נתונים מאושרים חדשים (עם שיעור הדיווח) ופגישות קרובות. אפשר לשנות בו הכול לפני השליחה.
update-template-title = עדכון מ־{ $date }
update-template-decisions = החלטות
update-template-figures = נתונים חדשים
update-template-meetings = פגישות קרובות
update-template-nothing = לא נרשמו החלטות, נתונים חדשים או פגישות קרובות מאז העדכון הקודם.
field-update-title = כותרת
field-update-text = תוכן העדכון
hint-update-text = אפשר לכתוב ב־Markdown: ## לכותרת, * לרשימה, **מודגש**. קישורים עובדים; קוד ותסריטים מוסרים.
field-update-audience = למי
field-update-body = הגוף
hint-update-body = רק כשהעדכון נשלח לחברי גוף אחד.
field-update-people = אנשים שנבחרו
hint-update-people = רק כשהעדכון נשלח לרשימה שבוחרים.
update-audience-partners = כל השותפים
update-audience-body = חברי גוף אחד
update-audience-funders = השותפים המממנים
update-audience-custom = רשימה שבוחרים
update-audience-of-body = חברי { $name }
update-audience-of-people = { $count ->
    [one] אדם אחד שנבחר
   *[other] { $count } אנשים שנבחרו
}
update-save = שמירת טיוטה
update-edit = עריכה
update-delete = מחיקת הטיוטה
update-send = { $count ->
    [one] שליחה לאדם אחד
   *[other] שליחה ל־{ $count } אנשים
}
update-draft = טיוטה
update-sent-on = נשלח
update-sent-line = נשלח ב־{ $date }
update-recipients-count = { $count ->
    [one] נמען אחד
   *[other] { $count } נמענים
}
update-will-reach = { $count ->
    [0] העדכון לא יגיע לאף אחד
    [one] העדכון יגיע לאדם אחד
   *[other] העדכון יגיע ל־{ $count } אנשים
}
update-will-reach-hint = מי שאין לו כתובת דוא״ל, ומי שביקש להפסיק לקבל עדכונים, לא מופיע ברשימה.
update-mail-read-online = לקריאת העדכון באתר
update-mail-stop = הפסקת קבלת העדכונים של היוזמה
update-already-sent = העדכון כבר נשלח, ולכן הוא נשמר כפי שנשלח ואי אפשר לשנות או למחוק אותו.
update-nobody-to-send = אין למי לשלוח: לאף אחד מהנמענים שנבחרו אין כתובת דוא״ל פעילה לעדכונים.
notify-kind-update = עדכוני היוזמה
flash-update-saved = הטיוטה נשמרה.
flash-update-sent = העדכון נשלח.
flash-update-deleted = הטיוטה נמחקה.
contact-plan-title = תכנית הקשר עם השותפים
contact-plan-lead = לכל שותף: למה שומרים איתו על קשר, באיזה ערוץ ובאיזו תדירות. מועד הקשר האחרון מחושב מהפגישות שאנשיו השתתפו בהן ומהעדכונים שקיבלו.
contact-plan-of = תכנית הקשר עם { $name }
contact-plan-form-lead = מטרת הקשר, הערוץ והתדירות. המועד הבא מחושב מהקשר האחרון.
contact-plan-how = ערוץ ותדירות
contact-plan-rhythm = { $channel }, { $every }
contact-every-weeks = { $count ->
    [one] כל שבוע
    [two] כל שבועיים
   *[other] כל { $count } שבועות
}
contact-every-months = { $count ->
    [one] כל חודש
    [two] כל חודשיים
   *[other] כל { $count } חודשים
}
contact-plan-edit = עריכה
contact-plan-set = קביעת תכנית
contact-plan-save = שמירת התכנית
contact-plan-clear = ביטול התכנית
contact-last = הקשר האחרון
contact-next = הקשר הבא
contact-never = עוד לא היה קשר
contact-standing-no-plan = אין תכנית
contact-standing-never = כדאי ליצור קשר: עוד לא היה
contact-standing-on-time = בזמן
contact-standing-due = עד { $date }
contact-standing-overdue = באיחור: היה צריך עד { $date }
field-contact-purpose = מטרת הקשר
hint-contact-purpose = למשל: לעדכן על תכניות הליבה ולהזמין לקבוצות העבודה.
field-contact-channel = ערוץ
field-contact-every = כל כמה
field-contact-unit = יחידה
contact-channel-updates = עדכונים בדוא״ל
contact-channel-meetings = פגישות של גוף
contact-channel-visit = פגישה אישית או ביקור
contact-channel-phone = טלפון
contact-channel-email = דוא״ל אישי
flash-contact-plan-saved = תכנית הקשר נשמרה.
flash-contact-plan-cleared = תכנית הקשר בוטלה.

## The document library
nav-documents = מסמכים
documents-title = ספריית המסמכים
documents-lead = המסמכים של היוזמה ושל כל גוף: מצגות, סיכומים, תכניות. לכל מסמך נשמרות כל הגרסאות, ולכל אחד נקבע מי רשאי לראות אותו.
documents-none = עדיין אין כאן מסמכים.
documents-folder-initiative = המסמכים של היוזמה
documents-back = לכל המסמכים
document-add = הוספת מסמך
document-upload = העלאה
document-latest = הגרסה האחרונה
document-version-number = גרסה { $value }
document-size-mb = { $value } MB
document-size-kb = { $value } KB
document-versions = גרסאות
document-version = גרסה
document-size = גודל
document-uploaded = הועלה
document-new-version = גרסה חדשה של המסמך
document-upload-version = העלאת הגרסה
document-edit = פרטי המסמך
document-delete = מחיקת המסמך וכל הגרסאות שלו
document-visibility-initiative = כל מי שביוזמה
document-visibility-body = חברי הגוף וצוות השדרה
document-visibility-backbone = צוות השדרה בלבד
document-visibility-of-body = חברי { $name } וצוות השדרה
document-material-of = חומר לקראת { $name }
document-of-decision = שייך להחלטה מ־{ $date }
document-of-result = שייך ל{ $name }
field-document-title = שם המסמך
field-document-description = תיאור
field-document-folder = תיקייה
hint-document-folder = התיקייה של היוזמה, או של אחד הגופים.
field-document-visibility = מי רואה
field-document-meeting = חומר לקראת פגישה
field-document-decision = החלטה
field-document-result = שייך ליעד או לתוצאה
field-document-file = קובץ
hint-document-file = עד 20 MB: מסמך Word,‏ Excel או PowerPoint‏ (או OpenDocument), PDF או תמונה. סוג הקובץ נבדק לפי התוכן שלו ולא לפי השם.
meeting-materials = חומרים לפגישה
meeting-materials-none = לא צורפו חומרים לפגישה.
meeting-materials-add = צירוף חומר לפגישה
flash-document-added = המסמך נוסף לספרייה.
flash-document-saved = פרטי המסמך נשמרו.
flash-document-version-added = הגרסה החדשה נשמרה.
flash-document-deleted = המסמך נמחק.
invalid-file-kind = הקובץ אינו מסמך Word,‏ Excel,‏ PowerPoint,‏ OpenDocument,‏ PDF או תמונה. הסוג נקבע לפי התוכן של הקובץ, לא לפי השם שלו.
invalid-file-too-big = הקובץ גדול מ־{ $max } MB.
mail-meeting-material = חומר לקראת הפגישה: { $name }
meeting-capacity = בתפקיד
meeting-uninvited = הגיע/ה בלי הזמנה
linked-documents = מסמכים
meeting-concerns-decisions = החלטות

## פעילויות: תוכניות ומפת ההלימה
nav-activities = תוכניות
programs-title = תוכניות
programs-lead = מה כל שותף מפעיל: לאילו יעדים כל תוכנית מכוונת, איפה היא פועלת ולמי. כל שותף מעדכן את שלו; כל מי שביוזמה רואה את כולן.
programs-none = עדיין אין תוכניות.
programs-all = כל התוכניות
program-add = הוספת תוכנית
program-new-title = תוכנית חדשה
program-edit-title = עריכת תוכנית
program-form-lead = תוכנית משרתת יעדים מעץ התוצאות במקומות שהיוזמה סופרת. תוכנית ברשות מגיעה גם לבתי הספר שבה.
program-edit = עריכה
program-delete = מחיקת התוכנית
program-save = שמירת התוכנית
program-core = תוכנית ליבה
program-reach = איפה היא פועלת
program-when = מתי
program-group = קבוצת מקומות
program-no-places = עדיין לא צוינו מקומות
program-no-goals = עדיין לא משויכת ליעד
program-places-more = { $count ->
    [one] ועוד אחד
   *[other] ועוד { $count }
}
field-program-organization = שותף
field-program-name = שם התוכנית
field-program-description = תיאור
field-program-results = היעדים שהיא משרתת
field-program-places = המקומות שהיא מגיעה אליהם
field-program-place-codes = מקומות לפי סמל
field-program-groups = קבוצות מקומות
field-program-indicators = מדדי התפוקה שלה
field-program-populations = אוכלוסיות יעד
field-program-subjects = תחומי דעת
field-program-age-bands = שכבות גיל
field-program-core = תוכנית ליבה של היוזמה
field-program-starts = תחילה
field-program-ends = סיום
hint-program-description = מה קורה בה ועם מי, במשפט או שניים.
hint-program-results = סמנו את היעדים, המנופים או רכיבי הפעולה שהתוכנית מקדמת.
hint-program-places = סמנו את המחוזות, הרשויות או בתי הספר שבהם היא פועלת. מקום כולל את כל מה שתחתיו.
hint-program-place-codes = סמלי מוסד או סמלי רשות, מופרדים בפסיקים או בשורות. אפסים מובילים ורווחים אינם משנים.
hint-program-populations = למשל periphery, girls, arab_sector, haredi_sector, או מילים משלכם, מופרדות בפסיקים.
hint-program-subjects = למשל מתמטיקה, רובוטיקה.
hint-program-age-bands = למשל ז׳–ט׳ או חטיבה עליונה.
hint-program-core = אחת משתיים־שלוש התוכניות שהיוזמה נשענת עליהן ביעד.
hint-program-indicators = מדדים שהתוכנית מדווחת על עצמה, כמו מספר המשתתפים.
flash-program-saved = התוכנית נשמרה.
flash-program-deleted = התוכנית נמחקה.
alignment-title = מפת הלימה
alignment-lead = מי פועל לאיזה יעד, ואיפה: הפערים שאף תוכנית אינה מכסה, והמקומות שבהם כמה תוכניות משרתות אותו יעד. תוכנית מגיעה למקומות שצוינו בה ולכל מה שתחתיהם.
alignment-filters = סינון התוכניות הנספרות
alignment-level = מקומות ברמת
alignment-include-ended = לספור גם תוכניות שהסתיימו
alignment-counted = נספרות { $counted } מתוך { $total } תוכניות, של { $partners } שותפים.
alignment-gaps = פערים
alignment-gaps-lead = יעדים שעדיין נרדפים, אוכלוסיות יעד שהיעדים מציינים, והמקומות הנמוכים ביותר (בתי ספר, או רשות שלא רשומים בה בתי ספר) שאף תוכנית נספרת אינה משרתת.
alignment-goals-without = יעדים בלי תוכניות
alignment-populations-without = אוכלוסיות יעד בלי תוכניות
alignment-places-without = מקומות בלי תוכניות
alignment-places-without-count = { $count ->
    [one] למקום אחד אין תוכנית.
   *[other] ל־{ $count } מקומות אין תוכנית.
}
alignment-first-shown = { $count ->
    [one] מוצג הראשון.
   *[other] מוצגים { $count } הראשונים.
}
alignment-programs-without-goals = תוכניות שאינן משרתות יעד
alignment-none-missing = אין: כולם מקבלים מענה.
alignment-overlaps = חפיפות
alignment-overlaps-lead = מקומות שבהם שתי תוכניות או יותר משרתות את אותו יעד: כדאי לתאם, ולא בהכרח בעיה.
alignment-no-overlaps = אין מקום עם שתי תוכניות לאותו יעד.
alignment-place = מקום
alignment-goal = יעד
alignment-partners-by-goal = שותפים ויעדים
alignment-cells-lead = כמה מהתוכניות של כל שותף משרתות כל יעד. קו מפריד פירושו אף אחת.
alignment-places-by-goal = מקומות ויעדים
alignment-places-lead = כמה תוכניות מגיעות לכל מקום, או למקום שתחתיו, בכל יעד.
alignment-no-places = ליוזמה עדיין אין מקומות; אפשר להוסיף אותם במדידה המשותפת.
alignment-gap = אין תוכנית
alignment-map = מפת המקומות
alignment-map-caption = { $count ->
    [one] מקום אחד שמיקומו ידוע, לפי התוכניות שמגיעות אליו
   *[other] { $count } מקומות שמיקומם ידוע, לפי התוכניות שמגיעות אליהם
}
alignment-programs-count = { $count ->
    [0] אין תוכניות
    [one] תוכנית אחת
   *[other] { $count } תוכניות
}
alignment-key-one = מגיעות אליו תוכניות
alignment-key-overlap = שתי תוכניות או יותר לאותו יעד
alignment-key-gap = אף אחת (עיגול ריק)
alignment-map-table = טבלת המקומות והיעדים שלמעלה מציגה את אותם נתונים.
filter-all = הכול

## תוכנית העבודה
work-plan-title = תוכנית עבודה
work-plan-of-year = תוכנית העבודה { $year }
work-plan-lead = תוכנית השנה בטבלה אחת: המנופים ורכיבי הפעולה של כל יעד, מי מבצע כל אחד, התקציב המתוכנן והמנוצל, היכן הוא עומד ואבני הדרך שלו; ולצידה התוכניות שמשרתות כל יעד באותה שנה.
work-plan-years = שנות לימודים
plan-kind-multi_year = תוכנית רב־שנתית
plan-kind-annual = תוכנית שנתית
plan-item-status-planned = מתוכנן
plan-item-status-in_progress = בביצוע
plan-item-status-done = בוצע
plan-item-status-dropped = בוטל
plan-approved = מאושרת
plan-draft = טיוטה
plan-version = { $count ->
    [one] גרסה 1
   *[other] גרסה { $count }
}
plan-approving-decision = ההחלטה שאישרה אותה
plan-none = עדיין אין תוכנית שנתית לשנה הזאת.
plan-budget = תקציב לפי יעד
plan-rows = שורות
plan-spent = נוצל
plan-total = סך הכול
plan-actual-of-rows = (דווחו { $part } מתוך { $whole } שורות)
plan-no-goal = שורות שאינן תחת יעד
plan-executor = גורם מבצע
plan-executor-body = גוף
plan-late = באיחור
plan-report = דיווח
plan-report-save = שמירת הדיווח
plan-milestones = אבני דרך
milestone-add = הוספת אבן דרך
milestone-done = סימון כבוצע
milestone-reopen = פתיחה מחדש
field-milestone-title = אבן דרך
field-milestone-due = מועד
plan-row-delete = הסרת השורה
plan-programs = התוכניות שמשרתות את היעד השנה
plan-actions = תכנון השנה
plan-row-add = הוספת שורה
plan-approve = אישור התוכנית
plan-no-approving-decision = כדי לאשר את התוכנית, יש לרשום קודם ביומן ההחלטות את החלטת הצוות המוביל או ועדת ההיגוי.
plan-new-version = פתיחת גרסה חדשה
plan-draft-next-year = טיוטת התוכנית לשנה הבאה מתוך זו
plan-draft-from-last-year = טיוטה מתוכנית השנה הקודמת ומהתוכנית הרב־שנתית
plan-create = יצירת תוכנית
plan-multi-year = התוכנית הרב־שנתית
plan-rows-count = { $count ->
    [one] שורה אחת
   *[other] { $count } שורות
}
field-plan-result = יעד, מנוף או רכיב פעולה
field-plan-title = מה נעשה
field-plan-organization = ארגון מבצע
field-plan-body = גוף מבצע
field-plan-program = תוכנית
field-plan-planned = תקציב מתוכנן
field-plan-actual = תקציב מנוצל
field-plan-status = מצב
field-plan-notes = הערות
field-plan-decision = ההחלטה המאשרת
field-plan-kind = סוג התוכנית
field-plan-name = שם התוכנית
field-plan-first-year = שנת הלימודים הראשונה
field-plan-last-year = שנת הלימודים האחרונה
hint-plan-title = רק כשכותרת הצומת אינה אומרת זאת.
hint-plan-executor = ארגון או גוף, לא שניהם.
hint-plan-shekels = שקלים שלמים, למשל 120,000.
hint-plan-decision = החלטה של הצוות המוביל או של ועדת ההיגוי מתוך יומן ההחלטות.
hint-plan-year = למשל 2026/27 או תשפ״ז.
hint-plan-last-year = לתוכנית רב־שנתית.
flash-plan-saved = התוכנית נשמרה.
flash-plan-drafted = טיוטת התוכנית לשנה הבאה נוצרה. כדאי לעבור עליה ולאשר אותה.
flash-plan-reported = הדיווח נשמר.
flash-plan-approved = התוכנית אושרה.
nav-work-plan = תוכנית עבודה
need-plan-rows-late = { $count ->
    [one] שורה בתוכנית העבודה של השנה באיחור: עבר מועד של אבן דרך.
   *[other] { $count } שורות בתוכנית העבודה של השנה באיחור: עברו מועדי אבני הדרך שלהן.
}
need-milestone-ahead = אבן הדרך „{ $name }” בתוכנית העבודה צריכה להסתיים עד { $date }.

## Commitments and joint funding requests
nav-commitments = התחייבויות ומימון
commitments-title = התחייבויות השותפים
commitments-lead = שותף מתחייב לתרום כסף, אנשים או פעילות ליעד, בכמות שאפשר למדוד ועד תאריך. כאן רואים מי התחייב למה, ומה קוים בפועל ובאילו ראיות.
commitments-filters = סינון ההתחייבויות
commitments-none = אין התחייבויות שעונות על הסינון.
commitments-all = כל ההתחייבויות
commitment-add = התחייבות חדשה
commitment-new-title = התחייבות חדשה
commitment-edit-title = עריכת התחייבות
commitment-edit = עריכה
commitment-delete = מחיקת ההתחייבות
commitment-save = שמירת ההתחייבות
commitment-form-lead = כתבו הבטחה שאפשר לבדוק: כמה, למה ועד מתי. ההתחייבות תופיע לכל השותפים, ואם תבחרו — גם בכרטיס הציבורי של המיזם.
field-commitment-organization = שותף
field-commitment-result = יעד
hint-commitment-result = היעד, המנוף או רכיב הפעולה שההתחייבות משרתת.
field-commitment-kind = סוג ההתחייבות
field-commitment-promise = ההבטחה
hint-commitment-promise = משפט אחד, למשל: 20 מהנדסות ילוו 40 כיתות בפריפריה.
field-commitment-amount = כמות
hint-commitment-amount = מספר שלם: שקלים בכסף, מספר אנשים באנשים, או יחידות הפעילות.
field-commitment-unit = יחידת הפעילות
hint-commitment-unit = בהתחייבות לפעילות: מה סופרים (סדנאות, שעות הדרכה). בכסף ובאנשים אין צורך.
field-commitment-due = עד תאריך
field-commitment-visibility = מי רואה
hint-commitment-visibility = ציבורית: גם בכרטיס הדיווח הציבורי. לשותפים בלבד: רק מי שיש לו תפקיד במיזם.
commitment-kind-money = כסף
commitment-kind-people = אנשים
commitment-kind-activity = פעילות
commitment-visibility-public = ציבורית
commitment-visibility-partners = לשותפים בלבד
commitment-fulfilment-open = טרם דווח
commitment-fulfilment-fulfilled = קוימה
commitment-fulfilment-partly = קוימה בחלקה
commitment-fulfilment-not_fulfilled = לא קוימה
commitment-standing = מצב
commitment-standing-open = פתוחה
commitment-standing-overdue = התאריך עבר ואין דיווח
commitment-standing-fulfilled = קוימה
commitment-standing-partly = קוימה בחלקה
commitment-standing-not-fulfilled = לא קוימה
commitment-people = { $count ->
    [one] אדם אחד
   *[other] { $count } אנשים
}
commitment-delivered-of = בפועל: { $name }
commitment-report-title = דיווח על הקיום
commitment-report-lead = דווחו אם ההתחייבות קוימה, כמה נמסר בפועל ומה מראה זאת. בלי ראיה אי אפשר לדווח על קיום או על אי־קיום.
field-fulfilment-status = האם קוימה
field-fulfilment-delivered = כמה נמסר בפועל
hint-fulfilment-delivered = באותה יחידה של ההתחייבות.
field-fulfilment-evidence = הראיה
hint-fulfilment-evidence = מה מראה את הקיום: דוח, רשימת נוכחות, אישור העברה.
field-fulfilment-evidence-url = קישור לראיה
commitment-evidence-link = לראיה
commitment-reported-on = דווח ב־
commitment-report-save = שמירת הדיווח
flash-commitment-saved = ההתחייבות נשמרה.
flash-commitment-reported = הדיווח נשמר.
flash-commitment-deleted = ההתחייבות נמחקה.
card-commitments = התחייבויות השותפים
card-commitments-lead = מה השותפים התחייבו לתרום, עד מתי, ומה קוים.
funding-title = בקשות מימון משותפות
funding-lead = שותף מגיש בקשה אחת שכל הגופים המממנים רואים במקום אחד, במקום לפנות לכל אחד בנפרד. כל מממן מסמן עניין וסכום, ורואים כמה מהבקשה כבר מכוסה.
funding-funders-see = התשובות, הסכומים וההערות של המממנים גלויים למממנים בלבד.
funding-others-see = רואים כאן כמה מכל בקשה מכוסה; מי מימן כמה נשאר בין המממנים.
funding-none = עדיין לא הוגשו בקשות מימון.
funding-all = כל הבקשות
funding-add = בקשת מימון חדשה
funding-new-title = בקשת מימון חדשה
funding-edit-title = עריכת בקשת מימון
funding-edit = עריכה
funding-delete = מחיקת הבקשה
funding-save = שמירת הבקשה
funding-form-lead = תארו למה נדרש הכסף ומה ישתנה בזכותו. כל המממנים במיזם יראו את הבקשה.
field-funding-organization = השותף המבקש
field-funding-title = כותרת
field-funding-description = למה נדרש הכסף
hint-funding-description = מה ייעשה, עם מי ובאילו מקומות, ומה ישתנה.
field-funding-amount = הסכום המבוקש
hint-funding-amount = בשקלים, מספר שלם.
field-funding-results = היעדים שהבקשה משרתת
field-funding-needed-by = נדרש עד
field-funding-status = מצב הבקשה
hint-funding-status = סגרו את הבקשה כשמומנה או כשאינה נדרשת עוד; בקשה סגורה אינה מקבלת תשובות.
funding-request-status-open = פתוחה
funding-request-status-closed = סגורה
funding-coverage = כיסוי
funding-covered = { $funders ->
    [0] עדיין לא הובטח דבר מתוך { $requested }
    [one] { $pledged } מתוך { $requested } ({ $percent }%) הובטחו על ידי מממן אחד
   *[other] { $pledged } מתוך { $requested } ({ $percent }%) הובטחו על ידי { $funders } מממנים
}
funding-your-answer = התשובה שלכם
funding-not-answered = טרם עניתם
funding-answers = תשובות המממנים
funding-no-answers = אף מממן עוד לא ענה.
funding-answer-title = התשובה של הגוף שלכם
funding-answer-save = שמירת התשובה
field-pledge-organization = מממן
field-pledge-interest = עניין
field-pledge-amount = סכום שאתם מתחייבים
hint-pledge-amount = בשקלים; רק כשיש עניין.
field-pledge-note = הערה למממנים האחרים
hint-pledge-note = תנאים, לוח זמנים או שאלות. רק מממנים רואים.
funding-interest-interested = מעוניינים ומתחייבים
funding-interest-considering = בוחנים
funding-interest-declined = לא משתתפים
flash-funding-saved = הבקשה נשמרה.
flash-funding-deleted = הבקשה נמחקה.
flash-pledge-saved = התשובה נשמרה.
programs-hsds-download = הורדת מדריך התוכניות (Open Referral)
programs-hsds-hint = קובץ JSON בתקן Open Referral (HSDS): הארגונים, התוכניות, בתי הספר שבהם הן פועלות והאזורים שהן משרתות, כדי שאפשר יהיה להציג אותן במדריך שירותים אחר.

## Contribution
contribution-title = תרומה למדדים
contribution-lead = לכל מדד אוכלוסייה: אילו תוכניות והתחייבויות מבקשות להזיז אותו, היכן הן פועלות ומה מראים המדדים שלהן עצמן. תוכנית או התחייבות נחשבות כאן כשהן משרתות את הצומת בעץ התוצאות שהמדד מודד, או צומת שמתחתיו.
contribution-graph-caption = שותפים, תוכניות, יעדים ומדדים, והמספרים שעל הקשרים ביניהם
contribution-graph-hint = קו מלא: תוכנית שפועלת, ועליו הנתון האחרון של מדד התפוקה שלה; קו מקווקו: התחייבות, ועליו הכמות שהובטחה; בין יעד למדד: הנתון האחרון של המדד. אותם מספרים בטבלאות שמתחת.
contribution-none = אין עדיין מדדים שמחוברים לעץ התוצאות.
contribution-measures = מודד את
contribution-headline = הנתון האחרון:
contribution-no-figure = אין עדיין נתון
contribution-nobody = אף תוכנית או התחייבות לא משרתת עדיין את מה שהמדד הזה מודד.
contribution-what = תוכנית או התחייבות
contribution-serves = משרתת את
contribution-shows = מה מראים המדדים שלה
contribution-kind-program = תוכנית
contribution-kind-commitment = התחייבות
contribution-no-outputs = לתוכנית אין עדיין מדד תפוקה משלה
contribution-unlinked = מדדים שלא חוברו לעץ התוצאות
contribution-unlinked-hint = אי אפשר לדעת מה תורם להם עד שיחוברו ליעד, למנוף או לרכיב פעולה בהגדרות המדד.
field-program-funding = מקורות המימון
hint-program-funding = שורה לכל מקור: מי מממן ונקודתיים, ואז הסכום בשקלים. למשל: קרן אורן: 120,000
program-funding-total = { $amount } מ־{ $count ->
    [one] מקור אחד
   *[other] { $count } מקורות
}
need-commitments-overdue = { $count ->
    [one] התחייבות אחת עברה את מועדה ועוד לא דווח אם קוימה.
   *[other] { $count } התחייבויות עברו את מועדן ועוד לא דווח אם קוימו.
}
programs-import-title = ייבוא תוכניות מגיליון
programs-import-lead = שורה לכל תוכנית, בקובץ CSV או Excel. כל השורות נבדקות כמו בטופס: אם יש בעיה באחת מהן לא נשמר דבר, ומוצגות כל הבעיות לפי שורה ועמודה.
programs-import-columns = עמודות חובה: שותף (בשמו ביוזמה) ושם התוכנית. עמודות רשות: תיאור, יעדים (בשמותיהם בעץ התוצאות, מופרדים בפסיק), סמלי מקומות, אוכלוסיות יעד, תחומים, שכבות גיל, ליבה (כן/לא), התחלה וסיום (YYYY-MM-DD), מימון ("מקור: סכום; מקור: סכום").
programs-import-file = הקובץ
programs-import-send = ייבוא
programs-import-refused = הקובץ לא יובא, ולא נשמר דבר. אלה הבעיות:
flash-programs-imported = התוכניות שבקובץ נוספו.
mapping-program-partner = שותף
mapping-program-name = שם התוכנית
