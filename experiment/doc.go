// Package experiment runs the experiments a class asks about instead of
// taking the answer on trust: a sweep of the hidden layer's size, an
// imbalance control, poisoned data and a search for it.
//
// "Is there any formula for the number of neurons?" was a student's
// question, and the original talk's answer was a hunch: "the sweet spot
// was going to be somewhere between 24 and 40". There is no formula; there
// is an experiment. A Sweep trains the same data, with the same validation
// split, seed and settings, once for each hidden size H (by default 1, 2,
// 4, 8, 16, 24, 40 and 64), and reports for each the parameter count,
// accuracy and loss on the training and validation sets, and the training
// time. Plotted against H it shows where more neurons stop helping the
// validation set, and what they cost.
//
// Each run is exactly the run the app or "trainer train" makes with that H:
// nn.NewSeeded and nn.NewTrainer from the same seed, trained epoch after
// epoch. Step trains in slices of any size, so the app can spend a few
// milliseconds a frame on it and never freeze the page; since nn.Trainer is
// slice-invariant the weights, and so every row, are the same bit for bit
// as training each network in one go. A sweep trains networks of its own
// from its own copy of the examples: the user's network and dataset are
// never touched.
//
// "What if I only draw a few sevens?" An Imbalance trains one network
// twice from the same seeded start: on the whole training set, and with one
// class thinned to a share (1 down to 0.1, say) of its drawings, a seeded
// pick. Both are measured on the same held-out drawings, so the thinned
// class's per-class accuracy and its row of the confusion matrix show the
// bias in numbers beside the balanced run's.
//
// "What stops wrong data getting into a model?" Flip gives a seeded share
// of the training drawings wrong labels and Backdoor plants a trigger (a
// small Mark stamped on some drawings of one class, labelled as another);
// both return which drawings they changed, so the app can undo them, and
// never touch the validation drawings, whose accuracy then shows the harm.
// Suspects is the defence: it ranks every drawing by how strongly networks
// that never trained on it (k-fold cross-validation, over several rounds)
// disagree with its label; Findings puts the dataset check's verdicts
// (data.Dataset.Quality) beside them by the same indices.
//
// The experiments are sequences of runs trained by one sliced runner, so
// every run, whatever the experiment, trains exactly as "trainer train"
// would.
//
// Like nn and data it is pure Go: it never imports Ebiten or syscall/js,
// so the command-line trainer and tests without a display use it too.
package experiment
