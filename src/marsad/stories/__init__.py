"""Stories: near-duplicate articles, and articles about the same event grouped across outlets."""
