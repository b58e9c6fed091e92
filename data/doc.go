// Package data holds what students draw: 9×9 binary samples with labels,
// datasets that know their class names, the CSV and original-app JSON
// codecs, the starter set, and the checks a teacher can act on (duplicates,
// conflicting labels, empty drawings, class balance).
//
// It imports nn only for nn.Examples, the layout the engine trains on, and
// never Ebiten or syscall/js.
package data
