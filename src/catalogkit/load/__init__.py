"""Reading catalog files: fast and located parsing, the compiled cache."""
