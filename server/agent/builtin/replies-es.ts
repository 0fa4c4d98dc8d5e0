// Spanish wording of the built-in agent (see replies.ts for the rules it keeps). Usted throughout.
import type { Replies } from "./replies";
import { listAnd, listOr } from "./speak-time";

export const repliesEs: Replies = {
  hello: "¡Hola!",
  howCanIHelp: "¿En qué le puedo ayudar?",
  anythingElse: "¿Hay algo más en lo que le pueda ayudar?",
  goodbye: (business) => `Gracias por llamar a ${business}. ¡Hasta luego!`,
  notUnderstood: "Perdón, no le he entendido. Puedo reservar, cambiar o anular citas, o responder preguntas. ¿Qué le gustaría hacer?",
  didntCatch: "Perdón, no le he entendido.",
  offerTransfer: "Lo siento, me está costando entenderle. ¿Quiere que le pase con alguien del equipo?",
  offerMessage: "¿Quiere dejar un mensaje para el equipo?",
  noProblem: "No hay problema.",
  wontBook: "No hay problema, no reservo nada.",

  askService: (services) => `Claro. ¿Qué servicio quiere: ${listOr(services, "es")}?`,
  unknownService: (services) => `Lo siento, creo que ese servicio no lo ofrecemos. Tenemos ${listAnd(services, "es")}. ¿Le interesa alguno?`,
  askServiceChoice: (options) => `¿Sería ${listOr(options, "es")}?`,
  askWhen: (service) => `¿Qué día y a qué hora le vendría bien para ${service}?`,
  pastDate: "Esa hora ya ha pasado.",
  askDateChoice: (days) => `Para asegurarme, ¿se refiere a ${listOr(days, "es")}?`,
  weekdayMismatch: (date, alternative) => `Para asegurarme, ¿se refiere a ${date} o a ${alternative}?`,
  offerTimes: (day, times) =>
    times.length === 1 ? `Para ${day} tengo ${times[0]}. ¿Le viene bien?` : `Para ${day} tengo ${listOr(times, "es")}. ¿Cuál prefiere?`,
  notAvailableAt: (time, day, times) =>
    `No tengo ${time} ${day}. ` +
    (times.length === 1 ? `Lo más cercano es ${times[0]}. ¿Le viene bien?` : `Lo más cercano es ${listOr(times, "es")}. ¿Le viene bien alguna?`),
  offerSlots: (slots, earliest) =>
    slots.length === 1
      ? `${earliest ? "Lo primero que tengo es" : "Tengo"} ${slots[0]}. ¿Le viene bien?`
      : `${earliest ? "Lo primero que tengo es" : "Tengo"} ${listOr(slots, "es")}. ¿Cuál prefiere?`,
  earliestOnDay: (day, times) =>
    `Lo primero que tengo es ${day} a ${times[0]}` + (times.length > 1 ? `, o a ${listOr(times.slice(1), "es")}. ¿Cuál prefiere?` : ". ¿Le viene bien?"),
  closedOn: (weekdays) => `Cerramos ${weekdays}.`,
  closedDate: (day) => `Estamos cerrados ${day}.`,
  notOfferedOn: (service, day) => `Abrimos ${day}, pero no hay nadie que pueda hacer ${service} ese día.`,
  staffOff: (staff, day) => `${staff} no trabaja ${day}.`,
  staffDoesNotPerform: (staff, service, others) =>
    others.length > 0 ? `${staff} no hace ${service}, pero ${listOr(others, "es")} sí, así que busco con esa persona.` : `${staff} no hace ${service}.`,
  unknownStaff: "No tenemos a nadie con ese nombre, así que busco con cualquier persona disponible.",
  dayFull: (day, service) => `Lo siento, ${day} ya no queda sitio para ${service}.`,
  nothingThen: "A esa hora no tengo nada.",
  nextOpening: (slot) => `Lo siguiente que tengo es ${slot}. ¿Le viene bien?`,
  askOtherDay: "¿Qué otro día le vendría bien?",
  tooFar: "Esa fecha está demasiado lejos para reservar. ¿Qué otra fecha le vendría bien?",
  askName: "¿Me dice su nombre, por favor?",
  askNameAgain: "Perdón, no he entendido su nombre. ¿Me lo repite?",
  thanksName: (name) => `Gracias, ${name}.`,
  readBack: (service, slot, staff) => `Para confirmar: ${service} ${slot}${staff ? ` con ${staff}` : ""}. ¿Se la reservo?`,
  booked: (service, slot, staff) => `Listo, su cita queda reservada: ${service} ${slot} con ${staff}.`,
  slotTaken: "Lo siento, esa hora se acaba de ocupar.",
  whichSlot: (slots) => `¿Cuál prefiere: ${listOr(slots, "es")}?`,
  askOtherTime: "¿Qué otro día u hora le vendría bien?",
  offerWaitlist: (day) => `¿Quiere que le apunte en la lista de espera para ${day}?`,
  joinedWaitlist: (service, day) => `Listo, está en la lista de espera para ${service} ${day}. Le enviaremos un mensaje si se libera un hueco.`,
  couldNotBook: "Lo siento, no he podido hacerlo ahora mismo.",

  noAppointments: "No veo ninguna cita próxima con este número.",
  offerBooking: "¿Quiere reservar una?",
  whichAppointment: (appointments) => `¿A qué cita se refiere: ${listOr(appointments, "es")}?`,
  askNewTime: (service, slot) => `Claro. Su cita de ${service} es ${slot}. ¿Para cuándo la quiere cambiar?`,
  readBackMove: (service, from, to) => `Para confirmar: cambio su cita de ${service} de ${from} a ${to}. ¿Lo hago?`,
  moved: (service, to, staff) => `Listo, he cambiado su cita de ${service} a ${to} con ${staff}.`,
  cannotChangeSoon: (kind, hours) =>
    `Lo siento, solo puedo ${kind === "move" ? "cambiar" : "anular"} citas con más de ${hours} horas de antelación, así que esta no la puedo tocar por teléfono.`,
  cannotChangeByPhone: (kind) => `Lo siento, no puedo ${kind === "move" ? "cambiar" : "anular"} citas por teléfono.`,
  readBackCancel: (service, slot) => `Para confirmar: ¿anulo su cita de ${service} ${slot}?`,
  cancelled: (service, slot) => `Su cita de ${service} ${slot} ha quedado cancelada.`,
  keptAppointment: "De acuerdo, dejo su cita como está.",
  yourAppointments: (items) => `Tiene ${listAnd(items.map((i) => `cita de ${i.service} ${i.slot}`), "es")}.`,

  hours: (open, closedDays) =>
    `Abrimos ${listAnd(open.map((o) => `${o.days} ${o.ranges}`), "es")}.` + (closedDays.length > 0 ? ` Cerramos ${listAnd(closedDays, "es")}.` : ""),
  openOn: (day, ranges) => `${day.charAt(0).toUpperCase()}${day.slice(1)} abrimos ${ranges}.`,
  closedOnDay: (weekdays) => `Cerramos ${weekdays}.`,
  address: (address) => `Estamos en ${address}.`,
  noAddress: "Lo siento, no tengo la dirección a mano.",
  price: (service, price, duration) => `${service} cuesta ${price} y dura aproximadamente ${duration}.`,
  prices: (items) => `Ofrecemos ${listAnd(items.map((i) => `${i.service} (${i.price})`), "es")}.`,
  faqUnknown: "No estoy seguro de eso.",
  transferring: "Claro, le paso ahora con alguien del equipo.",
  cannotTransfer: "Ahora mismo no puedo pasarle con nadie, pero puedo tomar un mensaje.",
  askMessage: "¿Qué mensaje quiere que le deje al equipo?",
  messageTaken: "Gracias, se lo paso al equipo.",
};
