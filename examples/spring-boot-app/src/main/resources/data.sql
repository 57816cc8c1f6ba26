INSERT INTO users (id, name, email, country)
SELECT x, 'User ' || x, 'user' || x || '@example.com', CASE MOD(x, 3) WHEN 0 THEN 'NL' WHEN 1 THEN 'FR' ELSE 'JP' END
FROM SYSTEM_RANGE(1, 1000);
