"""The commands built on the pipeline (init, serve, batch, diff, export/import, schema): each a use of it, none a stage."""
