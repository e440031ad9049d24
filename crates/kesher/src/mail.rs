//! Sending the outbox: SMTP through `lettre` (`KESHER_SMTP_URL`, e.g.
//! `smtp://127.0.0.1:2525` or `smtps://user:pass@host:465`), from `KESHER_MAIL_FROM`, by a
//! small worker that wakes when a message is queued and every half minute for retries and
//! the daily digests.
//! Without an SMTP address there is no worker: messages wait in the outbox page.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use kesher_core::Kesher;
use kesher_core::people::mail::MailTransport;
use kesher_store::Mail;
use lettre::message::header::{ContentTransferEncoding, ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// An SMTP server and the address messages come from.
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    /// `url` as `lettre` reads it: `smtp://host:port` (plain; `?tls=required` for STARTTLS)
    /// or `smtps://user:password@host:465`.
    pub fn new(url: &str, from: &str) -> anyhow::Result<Self> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .context("KESHER_SMTP_URL is not an SMTP address such as smtp://127.0.0.1:25")?
            .timeout(Some(Duration::from_secs(30)))
            .build();
        let from = from
            .parse()
            .context("KESHER_MAIL_FROM is not an address such as Kesher <kesher@example.org>")?;
        Ok(Self { transport, from })
    }
}

#[async_trait::async_trait]
impl MailTransport for SmtpMailer {
    async fn send(&self, mail: &Mail) -> Result<(), String> {
        let to: Mailbox = mail
            .to_address
            .parse()
            .map_err(|e| format!("not an address: {e}"))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&mail.subject);
        // RFC 8058: a mail program may offer "unsubscribe" and post to the address itself.
        if let Some(address) = &mail.list_unsubscribe {
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{address}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_string(),
                ));
        }
        // Base64 for every part: Hebrew is mostly non-ASCII, where quoted-printable would
        // triple the size.
        let mut body = MultiPart::alternative()
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .header(ContentTransferEncoding::Base64)
                    .body(mail.text_body.clone()),
            )
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_HTML)
                    .header(ContentTransferEncoding::Base64)
                    .body(mail.html_body.clone()),
            );
        let message = match &mail.calendar {
            // An invitation: the calendar object is an alternative of the message itself,
            // which Outlook and Gmail show as one to answer, and also an `invite.ics`
            // attachment for the programs that only open files.
            Some(calendar) => {
                let content_type = ContentType::parse(&format!(
                    "text/calendar; charset=UTF-8; method={}",
                    calendar.method
                ))
                .map_err(|e| e.to_string())?;
                body = body.singlepart(
                    SinglePart::builder()
                        .header(content_type.clone())
                        .header(ContentTransferEncoding::Base64)
                        .body(calendar.text.clone()),
                );
                builder.multipart(
                    MultiPart::mixed().multipart(body).singlepart(
                        Attachment::new("invite.ics".to_string())
                            .body(calendar.text.clone(), content_type),
                    ),
                )
            }
            None => builder.multipart(body),
        }
        .map_err(|e| e.to_string())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// Delivers the outbox in the background for as long as the server runs, and gathers the
/// daily digests. Without a transport (no mail server) only the digests are gathered,
/// into the outbox page.
pub fn spawn_worker(kesher: Kesher, transport: Option<Arc<dyn MailTransport>>) {
    tokio::spawn(async move {
        loop {
            if let Err(error) = kesher.deliver_digests(chrono::Utc::now()).await {
                tracing::warn!(%error, "the daily digests could not be gathered");
            }
            if let Some(transport) = &transport
                && let Err(error) = kesher.deliver_mail(transport.as_ref()).await
            {
                tracing::warn!(%error, "the mail worker could not read the outbox");
            }
            // A queued message wakes the worker at once; retries fall due on the tick.
            let _ = tokio::time::timeout(Duration::from_secs(30), kesher.mail_waiting()).await;
        }
    });
}
