// Package i18n is the language the app speaks: the catalogs of its
// translations, the choice of language, and numbers written the way the
// language writes them (0,53 in German and French).
//
// The English text in the code is the key, as in GNU gettext and
// golang.org/x/text/message: a call reads i18n.Sprintf("%d epochs", n), so
// the code stays readable and a string without a translation still shows in
// English rather than as a key. A language's catalog is its directory here
// (es/, fr/, de/, pt/): JSON objects from English to that language, one file
// per part of the program so that the texts of a part are found together.
// English needs no catalog: its catalog is the code. The help cards and the
// tour's steps are longer texts with their own files per language
// (assets/help/<lang>/).
//
// The language is one per process, like a process's locale: one page or
// one window is one person's lesson. It starts as English, so the CLI and
// the tests of other packages read as before; the app sets it from the
// browser, the link, the picker or the system locale.
//
// What is in a catalog is checked by a test against the code itself: every
// string the code hands to T, Sprintf, Plural or Mark has a translation in
// every language, with the same placeholders, and no catalog holds a
// string the code no longer uses.
package i18n
