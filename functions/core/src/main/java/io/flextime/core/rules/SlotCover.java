package io.flextime.core.rules;

import io.flextime.core.model.Slot;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The slots a calendar rule names by slot index, date or weekday: a slot is covered when its index,
 * its date or its date's weekday is listed (no list at all: every slot). Undated slots are covered by
 * index only.
 */
public record SlotCover(List<Integer> slots, List<LocalDate> dates, List<DayOfWeek> weekdays) {
    public SlotCover {
        slots = List.copyOf(slots);
        dates = List.copyOf(dates);
        weekdays = List.copyOf(weekdays);
    }

    public boolean everySlot() {
        return slots.isEmpty() && dates.isEmpty() && weekdays.isEmpty();
    }

    public boolean covers(Slot slot) {
        LocalDate d = slot.date();
        return everySlot() || slots.contains(slot.index()) || (d != null && (dates.contains(d) || weekdays.contains(d.getDayOfWeek())));
    }

    static final Param<List<Integer>> SLOTS = Param.of("slots", ParamType.SLOT_INDEXES, "the slots named by index")
            .orElse(List.of(), "none");
    static final Param<List<LocalDate>> DATES = Param.of("dates", ParamType.DATES, "the slots on these dates")
            .orElse(List.of(), "none");
    /** The cover a rule's parameters name (see {@link RuleDefinition.Builder#cover}). */
    static SlotCover of(RuleDefinition.Values v) {
        return new SlotCover(v.get(SLOTS), v.get(DATES), v.get(WEEKDAYS));
    }

    static final Param<List<DayOfWeek>> WEEKDAYS = Param.of("weekdays", ParamType.WEEKDAYS, "the slots on these weekdays")
            .orElse(List.of(), "none");
}
