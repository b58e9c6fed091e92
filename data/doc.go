// Package data holds what students draw: 9×9 binary samples with labels,
// datasets that know their class names, the CSV and original-app JSON
// codecs, the starter set, and the checks a teacher can act on (duplicates,
// conflicting labels, empty drawings, class balance).
//
// A Dataset's edits (Add, Remove, Relabel) give it a new Version, as a
// network's writes do; WithClasses changes the class count for the app and
// the command-line trainer alike.
//
// It imports nn only for nn.Examples, the layout the engine trains on, and
// nn.Stamp, and never Ebiten or syscall/js.
package data
