-- V4: look up the responses of one episode. The agent reads every local episode id the site holds (for its
-- identifier scan), counts idle cases (each open episode's latest response) and paired measures per episode;
-- without an index each of these read the whole response table, responses and scores included (about 4 s per
-- million responses for the ids alone). Applied in one transaction together with PRAGMA user_version = 4.

CREATE INDEX response_by_episode ON response (episode_id, authored);
