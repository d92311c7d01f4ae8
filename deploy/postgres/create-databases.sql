-- One database per service: they never share tables (docker-compose runs this on first start).
CREATE DATABASE intake;
CREATE DATABASE session;
CREATE DATABASE analytics;
CREATE DATABASE notification;
