-- The session types present in the data: the allowed values of the session_type parameter.
SELECT DISTINCT session_type FROM speaker_persons WHERE session_type IS NOT NULL ORDER BY 1
