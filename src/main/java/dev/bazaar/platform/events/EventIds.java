package dev.bazaar.platform.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The id an externalised event carries in its {@code ce_id} header, derived from the event itself: a name-based
 * UUID of its type and its JSON form. The publication log stores the event and hands an equal copy back when it
 * sends it again, so every send of one publication carries the same id and a consumer can drop the repeats;
 * two different events differ in their aggregate id or their timestamp, so they get different ids. A random id
 * would not do: it would change between the send that reached the broker without an acknowledgement and the send
 * that follows it.
 *
 * <p>Uses Jackson's own defaults rather than the application's mapper, so a change to the application's JSON
 * settings cannot change the id of an event already waiting in the log.
 */
final class EventIds {

    private final JsonMapper json = JsonMapper.shared();

    UUID idOf(Object event) {
        byte[] type = event.getClass().getName().getBytes(StandardCharsets.UTF_8);
        byte[] content = json.writeValueAsBytes(event);
        ByteBuffer name = ByteBuffer.allocate(type.length + 1 + content.length)
                .put(type)
                .put((byte) 0)
                .put(content);
        return UUID.nameUUIDFromBytes(name.array());
    }
}
