"""Resolution of mentions against reference data: countries, the gazetteer, places."""
