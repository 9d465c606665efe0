# Pathways as a container (for docker-compose.yml). Build: docker build -t pathways .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN ./mvnw -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 pathways
WORKDIR /app
COPY --from=build /src/target/pathways-*.jar /app/pathways.jar
USER pathways
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/pathways.jar"]
