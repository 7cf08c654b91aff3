//! The waterline binary: hands over to the library at once.

fn main() -> std::process::ExitCode {
    waterline::cli::main()
}
