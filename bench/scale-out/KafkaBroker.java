// One Kafka broker in KRaft mode on loopback, for bench/scale-out/run.sh (no Kafka installation here):
//   java -cp "$(test classpath)" bench/scale-out/KafkaBroker.java
// It is spring-kafka-test's EmbeddedKafkaKraftBroker, the broker KafkaExternalizationTest starts, run on its own.
// Prints "KAFKA READY <bootstrap servers>" once it accepts connections and runs until it is killed.
//
// The port is a free one the broker picks: in KRaft mode spring-kafka-test 4.0 ignores kafkaPorts(...), and a
// "listeners" property only changes the advertised address while Kafka's test kit binds a pre-allocated random
// port (tried: clients then connect to a port nobody listens on). The script reads the address from that line.
import java.util.concurrent.CountDownLatch;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

public class KafkaBroker {
    public static void main(String[] args) throws InterruptedException {
        // one node (broker and controller); the application creates its topics at start-up, with the defaults
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2);
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        System.out.println("KAFKA READY " + broker.getBrokersAsString());
        new CountDownLatch(1).await();
    }
}
