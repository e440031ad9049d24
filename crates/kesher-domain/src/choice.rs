//! Closed lists of choices (sector, organization type, body kind…). Each choice has a stable
//! code used in storage, URLs and the API, and a Fluent message id for its label.

/// Declares a choice enum with its stable codes and the prefix of its Fluent label ids.
///
/// `choice_enum!(Sector, "sector", { Public => "public", … })` gives `Sector::ALL`,
/// `code()`, `parse()` and `label_id()` (`"sector-public"`).
#[macro_export]
macro_rules! choice_enum {
    ($(#[$doc:meta])* $name:ident, $prefix:literal, { $($(#[$vdoc:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $code)] $variant),+
        }

        // Written out rather than derived: the derive does not see a `rename` that arrives
        // through this macro, and would document the variants' Rust names instead of the
        // codes the API takes.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($code),+]))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}

        impl $name {
            /// Every choice, in the order forms offer them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the database and used by the API.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Reads a stable code; anything else is refused.
            pub fn parse(raw: &str) -> Result<Self, $crate::Invalid> {
                let raw = raw.trim();
                if raw.is_empty() {
                    return Err($crate::Invalid::Required);
                }
                match raw {
                    $($code => Ok($name::$variant),)+
                    _ => Err($crate::Invalid::Choice),
                }
            }

            /// The Fluent message id of this choice's label.
            pub fn label_id(self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, "-", $code)),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}
