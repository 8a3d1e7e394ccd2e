-- Generated from src/store/migrations/ by `npm run docs`. Do not edit: a test fails when this file and the migrations drift.
-- The MySQL/MariaDB schema after every migration; apply it with `mina-auth migrate`, which also records the versions.

-- 0001_sessions
create table `apps` (`appid` varchar(64) primary key, `type` varchar(32) not null, `secret_sealed` varchar(1024) not null, `login_duration` integer default 30 not null, `session_duration` integer default 2592000 not null, `max_sessions` integer default 20 not null, `token_api` varchar(16) default 'stable' not null, `watermark_max_age` integer default 86400 not null, `cos_sealed` text, `created_at` bigint not null, `updated_at` bigint not null) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
create table `users` (`appid` varchar(64) not null, `openid` varchar(128) not null, `unionid` varchar(128), `session_key_sealed` varchar(512) not null, `user_info` text, `created_at` bigint not null, `updated_at` bigint not null, constraint `users_pk` primary key (`appid`, `openid`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
create table `sessions` (`seq` bigint primary key auto_increment, `id` varchar(64) not null unique, `appid` varchar(64) not null, `openid` varchar(128) not null, `skey_hash` char(64) not null, `created_at` bigint not null, `last_visit_at` bigint not null) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
create index `sessions_user` on `sessions` (`appid`, `openid`, `seq`);
create index `sessions_created` on `sessions` (`appid`, `created_at`);
create index `sessions_visited` on `sessions` (`appid`, `last_visit_at`);
create table `login_claims` (`appid` varchar(64) not null, `code_mac` char(64) not null, `state` varchar(16) not null, `answer_sealed` text, `created_at` bigint not null, constraint `login_claims_pk` primary key (`appid`, `code_mac`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
create index `login_claims_created` on `login_claims` (`created_at`);

-- 0002_credentials
create table `caller_keys` (`key_id` varchar(16) primary key, `name` varchar(128) not null, `secret_hash` char(64) not null, `scopes` text not null, `expires_at` bigint, `revoked_at` bigint, `created_at` bigint not null) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
create table `agents` (`corpid` varchar(64) not null, `agentid` varchar(32) not null, `secret_sealed` varchar(1024) not null, `remark` varchar(255), `created_at` bigint not null, `updated_at` bigint not null, constraint `agents_pk` primary key (`corpid`, `agentid`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
create table `credentials` (`kind` varchar(32) not null, `owner` varchar(128) not null, `value_sealed` text, `expires_at` bigint default 0 not null, `fetched_at` bigint default 0 not null, `refresh_after` bigint default 0 not null, `generation` bigint default 0 not null, `lease_until` bigint default 0 not null, `lease_holder` varchar(64), `last_force_at` bigint default 0 not null, `day` integer default 0 not null, `day_fetches` integer default 0 not null, `day_forces` integer default 0 not null, constraint `credentials_pk` primary key (`kind`, `owner`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
create index `credentials_refresh` on `credentials` (`refresh_after`);

-- 0003_audit
create table `audit_log` (`id` bigint primary key auto_increment, `at` bigint not null, `actor` varchar(64) not null, `action` varchar(64) not null, `target` varchar(255) not null, `result` varchar(32) not null, `detail` varchar(1024)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
create index `audit_log_at` on `audit_log` (`at`, `id`);
