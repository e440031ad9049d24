//! `kesher`: one binary that serves the product and maintains its database.

fn main() -> std::process::ExitCode {
    kesher::cli::main()
}
