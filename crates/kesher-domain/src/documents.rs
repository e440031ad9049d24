//! The document library: folders per initiative and per body, a document's versions, who may
//! see it, and what it belongs to (a meeting's materials, a decision, a node of the results
//! tree). A file is accepted by what its bytes are, never by its name.

use serde::{Deserialize, Serialize};

use crate::text::{LINE_MAX, LONG_TEXT_MAX, optional_line, optional_text};
use crate::validation::Checker;
use crate::{
    BodyId, DecisionId, FieldError, Invalid, MeetingId, ResultNodeId, choice_enum, lenient,
};

/// The largest file a document version may be.
pub const FILE_MAX_MB: usize = 20;
pub const FILE_MAX_BYTES: usize = FILE_MAX_MB * 1024 * 1024;

choice_enum!(
    /// Who may see a document.
    Visibility, "document-visibility", {
        /// Everyone with a role in the initiative.
        Initiative => "initiative",
        /// The members of the document's body, and the backbone.
        Body => "body",
        /// The backbone alone.
        Backbone => "backbone",
    }
);

/// A kind of file the library keeps, as recognised from its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileKind {
    /// The media type it is served with.
    pub media_type: &'static str,
    /// The extension a download is named with.
    pub extension: &'static str,
}

/// Tells whether bytes are of one kind (one of `infer`'s matchers).
type Matcher = fn(&[u8]) -> bool;

/// What `bytes` are, if they are a kind the library keeps: office documents (Word, Excel,
/// PowerPoint, old and new, and OpenDocument), PDF and the usual images. SVG, HTML and
/// anything else that could carry a script are refused, whatever the file is named.
pub fn file_kind(bytes: &[u8]) -> Result<FileKind, Invalid> {
    if bytes.is_empty() {
        return Err(Invalid::Required);
    }
    if bytes.len() > FILE_MAX_BYTES {
        return Err(Invalid::FileTooBig {
            max_mb: FILE_MAX_MB,
        });
    }
    let accepted: &[(Matcher, &str, &str)] = &[
        (infer::archive::is_pdf, "application/pdf", "pdf"),
        (infer::image::is_png, "image/png", "png"),
        (infer::image::is_jpeg, "image/jpeg", "jpg"),
        (infer::image::is_gif, "image/gif", "gif"),
        (infer::image::is_webp, "image/webp", "webp"),
        (
            infer::doc::is_docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
        ),
        (
            infer::doc::is_xlsx,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        (
            infer::doc::is_pptx,
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "pptx",
        ),
        (infer::doc::is_doc, "application/msword", "doc"),
        (infer::doc::is_xls, "application/vnd.ms-excel", "xls"),
        (infer::doc::is_ppt, "application/vnd.ms-powerpoint", "ppt"),
        (
            infer::odf::is_odt,
            "application/vnd.oasis.opendocument.text",
            "odt",
        ),
        (
            infer::odf::is_ods,
            "application/vnd.oasis.opendocument.spreadsheet",
            "ods",
        ),
        (
            infer::odf::is_odp,
            "application/vnd.oasis.opendocument.presentation",
            "odp",
        ),
    ];
    accepted
        .iter()
        .find(|(matches, _, _)| matches(bytes))
        .map(|(_, media_type, extension)| FileKind {
            media_type,
            extension,
        })
        .ok_or(Invalid::FileKind)
}

/// A file's name as kept: its last path segment, tidied, at most a line long; what the
/// browser sent is only a label.
pub fn file_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let name: String = crate::text::tidy(last)
        .chars()
        .filter(|c| !c.is_control())
        .take(120)
        .collect();
    if name.is_empty() { "file".into() } else { name }
}

/// A document as typed: the library's form and the API's fields.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DocumentForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub title: String,
    #[serde(deserialize_with = "lenient::text")]
    pub description: String,
    /// The body whose folder holds it; empty for the initiative's own folder.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub body_id: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Visibility)]
    #[schema(required = true)]
    pub visibility: String,
    /// The meeting it is material for.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub meeting_id: String,
    /// The decision it belongs to.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub decision_id: String,
    /// The node of the results tree it concerns.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub result_id: String,
}

/// A checked document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocumentInput {
    pub title: String,
    pub description: Option<String>,
    pub body_id: Option<BodyId>,
    pub visibility: Visibility,
    pub meeting_id: Option<MeetingId>,
    pub decision_id: Option<DecisionId>,
    pub result_id: Option<ResultNodeId>,
}

impl DocumentForm {
    pub fn parse(&self) -> Result<DocumentInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let title = c.check(
            "title",
            optional_line(&self.title, LINE_MAX).and_then(|t| t.ok_or(Invalid::Required)),
        );
        let description = c.check(
            "description",
            optional_text(&self.description, LONG_TEXT_MAX),
        );
        let body = c.check("body_id", lenient::optional_id(&self.body_id));
        let visibility = c.check("visibility", Visibility::parse(&self.visibility));
        let meeting = c.check("meeting_id", lenient::optional_id(&self.meeting_id));
        let decision = c.check("decision_id", lenient::optional_id(&self.decision_id));
        let result = c.check("result_id", lenient::optional_id(&self.result_id));
        if visibility == Some(Visibility::Body) && body == Some(None) {
            // Seen by a body's members: it must be in a body's folder.
            c.push("body_id", Invalid::Required);
        }
        match (
            title,
            description,
            body,
            visibility,
            meeting,
            decision,
            result,
        ) {
            (
                Some(title),
                Some(description),
                Some(body),
                Some(visibility),
                Some(meeting),
                Some(decision),
                Some(result),
            ) if c.is_empty() => Ok(DocumentInput {
                title,
                description,
                body_id: body.map(BodyId::new),
                visibility,
                meeting_id: meeting.map(MeetingId::new),
                decision_id: decision.map(DecisionId::new),
                result_id: result.map(ResultNodeId::new),
            }),
            _ => Err(c.into_errors()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = &[
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d,
    ];

    #[test]
    fn a_file_is_judged_by_its_bytes_not_its_name() {
        assert_eq!(file_kind(b"%PDF-1.7\n%...").unwrap().extension, "pdf");
        assert_eq!(file_kind(PNG).unwrap().media_type, "image/png");
        // A page with a script, or an SVG, is refused even if called "minutes.pdf".
        assert_eq!(
            file_kind(b"<html><script>alert(1)</script></html>"),
            Err(Invalid::FileKind)
        );
        assert_eq!(
            file_kind(b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
            Err(Invalid::FileKind)
        );
        assert_eq!(file_kind(b""), Err(Invalid::Required));
    }

    #[test]
    fn a_file_over_twenty_megabytes_is_refused_with_the_limit() {
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(FILE_MAX_BYTES + 1, b' ');
        assert_eq!(file_kind(&big), Err(Invalid::FileTooBig { max_mb: 20 }));
        big.truncate(FILE_MAX_BYTES);
        assert!(file_kind(&big).is_ok(), "exactly the limit is accepted");
    }

    #[test]
    fn a_file_name_keeps_only_its_last_segment() {
        assert_eq!(
            file_name("C:\\Users\\dana\\סיכום ועדה.docx"),
            "סיכום ועדה.docx"
        );
        assert_eq!(file_name("../../etc/passwd"), "passwd");
        assert_eq!(file_name("  "), "file");
    }

    #[test]
    fn a_document_seen_by_a_body_sits_in_its_folder() {
        let form = DocumentForm {
            title: "מצגת הוועדה".into(),
            visibility: "body".into(),
            ..Default::default()
        };
        assert_eq!(form.parse().unwrap_err()[0].field, "body_id");
        let in_folder = DocumentForm {
            body_id: "3".into(),
            ..form
        };
        assert_eq!(in_folder.parse().unwrap().body_id, Some(BodyId::new(3)));
    }
}
