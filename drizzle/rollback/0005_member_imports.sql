-- Undo 0005_member_imports: the table goes, with its policy and uploads in progress.
DROP TABLE IF EXISTS member_imports;
