# The ledger service. Built from the repository with the Maven wrapper; runs on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY ledger-api ledger-api
COPY ledger-core ledger-core
COPY projections projections
COPY embedded-store embedded-store
COPY ledger-service ledger-service
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 ledger && mkdir -p /data && chown ledger /data
USER ledger
WORKDIR /app
COPY --from=build /src/ledger-service/target/ledger-service.jar /app/ledger-service.jar
COPY --from=build /src/ledger-core/target/ledger-verifier.jar /app/ledger-verifier.jar
ENV LEDGER_DATA_DIR=/data JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/ledger-service.jar"]
