-- The session types present in one source set ($source): the allowed values of the session_type parameter.
SELECT DISTINCT session_type FROM speaker_persons WHERE source_set = $source AND session_type IS NOT NULL ORDER BY 1
