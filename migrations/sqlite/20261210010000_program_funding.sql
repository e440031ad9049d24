-- Where a program's money comes from: a JSON list of {"source", "amount"} in whole shekels,
-- kept with the program like its populations (read and written with it, never alone).
ALTER TABLE programs ADD COLUMN funding TEXT NOT NULL DEFAULT '[]';
