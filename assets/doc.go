// Package assets embeds the files the app ships with: the starter datasets
// (made by a deterministic generator that lives in the repo) and the help
// and tour texts, kept as plain files so that a teacher can read or
// translate them without touching Go code.
package assets
